package jp.emergencyaccess.ledger.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import jp.emergencyaccess.ledger.infra.StreamingProcessors;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** MHLW only: how far the streaming read models have read, and the reset that rebuilds one. */
@RestController
@RequestMapping("/api/admin/processors")
class ProcessorController {
  private final StreamingProcessors processors;

  ProcessorController(StreamingProcessors processors) {
    this.processors = processors;
  }

  @Operation(summary = "Event processors and their positions")
  @GetMapping
  List<StreamingProcessors.Status> all() {
    return processors.all();
  }

  @Operation(summary = "One event processor")
  @GetMapping("/{name}")
  StreamingProcessors.Status one(@PathVariable String name) {
    return processors.status(name);
  }

  @Operation(summary = "Rebuild a read model from the events (reset its processor)")
  @PostMapping("/{name}/reset")
  @ResponseStatus(HttpStatus.ACCEPTED)
  StreamingProcessors.Status reset(@PathVariable String name) {
    return processors.reset(name);
  }
}
