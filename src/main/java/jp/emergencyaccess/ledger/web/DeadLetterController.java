package jp.emergencyaccess.ledger.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import jp.emergencyaccess.ledger.monitoring.DeadLetters;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * MHLW only: the events a tracking processor parked (docs/stream.md, "Dead letters"), a retry of
 * them in order after a fix, and the eviction of one that can never be handled.
 */
@RestController
class DeadLetterController {
  private final DeadLetters deadLetters;

  DeadLetterController(DeadLetters deadLetters) {
    this.deadLetters = deadLetters;
  }

  @Operation(summary = "Parked (dead-lettered) events per processor")
  @GetMapping("/api/admin/dead-letters")
  List<DeadLetters.Count> counts() {
    return deadLetters.counts();
  }

  @Operation(summary = "A processor's parked event sequences")
  @GetMapping("/api/admin/processors/{name}/dead-letters")
  List<DeadLetters.Sequence> sequences(@PathVariable String name) {
    return deadLetters.sequences(name);
  }

  @Operation(summary = "Retry a processor's parked events")
  @PostMapping("/api/admin/processors/{name}/dead-letters/retry")
  DeadLetters.Retry retry(@PathVariable String name) {
    return deadLetters.retry(name);
  }

  @Operation(summary = "Evict one parked event of a processor")
  @DeleteMapping("/api/admin/processors/{name}/dead-letters/{eventIdentifier}")
  DeadLetters.Letter evict(@PathVariable String name, @PathVariable String eventIdentifier) {
    return deadLetters.evict(name, eventIdentifier);
  }
}
