package jp.emergencyaccess.ledger.stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * {@code ledger_views_total{decision,prefecture}} and {@code ledger_denials_total{reason}}, counted
 * by a tracking processor (never on the command thread) from any event whose type is named {@code
 * MedicalInfoViewed} or {@code MedicalInfoViewDenied}, reading {@code decision}, {@code reasons}
 * and {@code facilityCode} from its JSON: the counting does not depend on the event classes. The
 * processor starts at the head the first time and keeps its token, so each event is counted once
 * over the life of the store (a node's counters start from zero, as Prometheus counters do).
 */
@Component
@ProcessingGroup(ViewMetrics.GROUP)
class ViewMetrics {
  static final String GROUP = "ledger-metrics";
  static final String VIEWED = "MedicalInfoViewed";
  static final String DENIED = "MedicalInfoViewDenied";

  private final MeterRegistry meters;
  private final Envelopes envelopes;

  ViewMetrics(MeterRegistry meters, Envelopes envelopes) {
    this.meters = meters;
    this.envelopes = envelopes;
  }

  @EventHandler
  void on(Object payload, EventMessage<?> message) {
    String type = Envelopes.typeOf(message);
    if (!type.equals(VIEWED) && !type.equals(DENIED)) {
      return;
    }
    JsonNode json = envelopes.payloadOf(message);
    String decision = Envelopes.text(json, "decision");
    if (decision == null) {
      decision = type.equals(VIEWED) ? "ALLOWED" : "DENIED";
    }
    String facility = Envelopes.text(json, "facilityCode");
    String prefecture =
        facility != null && facility.length() >= 2 ? facility.substring(0, 2) : "unknown";
    JsonNode reasons = json == null ? null : json.get("reasons");
    if (reasons != null && reasons.isArray()) {
      for (JsonNode reason : reasons) {
        Counter.builder("ledger.denials")
            .description("reasons of denied views")
            .tag("reason", reason.asText())
            .register(meters)
            .increment();
      }
    }
    Counter.builder("ledger.views")
        .description("medical information view attempts, by decision and prefecture")
        .tag("decision", decision)
        .tag("prefecture", prefecture)
        .register(meters)
        .increment();
  }
}
