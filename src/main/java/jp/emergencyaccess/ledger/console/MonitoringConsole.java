package jp.emergencyaccess.ledger.console;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.infra.StreamingProcessors;
import jp.emergencyaccess.ledger.integrity.ChainVerifier;
import jp.emergencyaccess.ledger.integrity.Checkpoint;
import jp.emergencyaccess.ledger.integrity.CheckpointTable;
import jp.emergencyaccess.ledger.monitoring.EventStream;
import jp.emergencyaccess.ledger.monitoring.ProcessorLag;
import jp.emergencyaccess.ledger.monitoring.StreamFilter;
import org.springframework.boot.actuate.health.CompositeHealth;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 監視: the health and its parts, how far each streaming processor is behind the store's head, the
 * last signed checkpoint, and a live panel on the event stream. The panel reads {@code
 * /console/stream}, the same {@link EventStream} as {@code /api/stream} behind the console's
 * session sign-in, so the API's stream stays Basic or bearer only. 検証する runs the same whole-chain
 * {@link ChainVerifier} as {@code GET /api/integrity/verify}, for the roles the API lets verify.
 */
@Controller
@Hidden
@ConditionalOnProperty(name = "ledger.auth.mode", havingValue = "basic", matchIfMissing = true)
class MonitoringConsole {
  private final HealthEndpoint health;
  private final StreamingProcessors processors;
  private final ProcessorLag lag;
  private final CheckpointTable checkpoints;
  private final EventStream stream;
  private final EventTypes types;
  private final ChainVerifier verifier;
  private final MessageSource messages;

  MonitoringConsole(
      HealthEndpoint health,
      StreamingProcessors processors,
      ProcessorLag lag,
      CheckpointTable checkpoints,
      EventStream stream,
      EventTypes types,
      ChainVerifier verifier,
      MessageSource messages) {
    this.verifier = verifier;
    this.messages = messages;
    this.health = health;
    this.processors = processors;
    this.lag = lag;
    this.checkpoints = checkpoints;
    this.stream = stream;
    this.types = types;
  }

  record Part(String name, String status) {}

  record Processor(
      String name, Long position, String behind, boolean caughtUp, boolean error, int segments) {}

  @GetMapping("/console/monitoring")
  String page(Locale locale, Model model) {
    String unknown = new ConsoleText(messages, locale).get("common.unknown");
    HealthComponent overall = health.health();
    model.addAttribute("healthStatus", overall.getStatus().getCode());
    List<Part> parts = new ArrayList<>();
    if (overall instanceof CompositeHealth composite) {
      composite
          .getComponents()
          .forEach((name, part) -> parts.add(new Part(name, part.getStatus().getCode())));
    }
    model.addAttribute("healthParts", parts);
    model.addAttribute(
        "processors",
        processors.all().stream()
            .map(
                s -> {
                  double behind = lag.of(s.name());
                  return new Processor(
                      s.name(),
                      s.position(),
                      Double.isNaN(behind) ? unknown : String.valueOf((long) behind),
                      s.caughtUp(),
                      s.error(),
                      s.segments());
                })
            .toList());
    model.addAttribute("head", headOrNull());
    Map<String, Object> checkpoint = new LinkedHashMap<>();
    checkpoints
        .latest()
        .ifPresent(
            c -> {
              checkpoint.put("position", c.position());
              checkpoint.put("hash", c.hash());
              checkpoint.put("signedAt", JapanTime.render(c.signedAt()));
              checkpoint.put("keyId", c.keyId());
            });
    model.addAttribute("checkpoint", checkpoint.isEmpty() ? null : checkpoint);
    model.addAttribute("eventTypes", types.names());
    model.addAttribute("mayVerify", ConsoleRoles.hasAny(ConsoleSecurity.CHAIN_VERIFIERS));
    return "console/monitoring";
  }

  /**
   * The whole chain, synchronously, as the API's verify without a range: on a large store this
   * request waits as long as the walk takes, which the page says beside the button.
   */
  @PostMapping("/console/monitoring/verify")
  String verify(Locale locale, RedirectAttributes flash) {
    VerificationWords words = new VerificationWords(new ConsoleText(messages, locale));
    try {
      Optional<Checkpoint> signedBefore = checkpoints.latest();
      flash.addFlashAttribute("verification", words.of(verifier.verify(null, null), signedBefore));
    } catch (DataAccessException storeUnavailable) {
      flash.addFlashAttribute("verification", words.unreadable());
    }
    return "redirect:/console/monitoring#integrity-heading";
  }

  /** Live events from the store's head on; a reconnecting browser resumes at Last-Event-ID. */
  @GetMapping(value = "/console/stream", produces = "text/event-stream")
  @ResponseBody
  SseEmitter stream(@RequestHeader(value = "Last-Event-ID", required = false) String lastEventId) {
    Long after = null;
    if (lastEventId != null && !lastEventId.isBlank()) {
      try {
        after = Long.parseLong(lastEventId.trim());
      } catch (NumberFormatException e) {
        throw new InvalidField("Last-Event-ID", "must be an event position");
      }
    }
    return stream.open(after, StreamFilter.ALL);
  }

  @ExceptionHandler(EventStream.TooManySubscribers.class)
  ResponseEntity<String> busy(EventStream.TooManySubscribers e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(e.getMessage());
  }

  private Long headOrNull() {
    try {
      return lag.head();
    } catch (RuntimeException storeUnavailable) {
      return null;
    }
  }
}
