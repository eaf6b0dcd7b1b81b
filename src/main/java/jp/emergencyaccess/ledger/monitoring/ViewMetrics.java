package jp.emergencyaccess.ledger.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.emergencyaccess.ledger.access.MedicalInfoViewDenied;
import jp.emergencyaccess.ledger.access.MedicalInfoViewed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * {@code ledger_views_total{decision,prefecture}} and {@code ledger_denials_total{reason}}, counted
 * by a tracking processor (never on the command thread) from any event whose type is named {@code
 * MedicalInfoViewed} or {@code MedicalInfoViewDenied}: the ledger's own view events are read as
 * they are, any other class of those names by {@code decision}, {@code reasons} and {@code
 * facilityCode} in its JSON, so the counting does not depend on the event classes. The processor
 * starts at the head the first time and keeps its token, so each event is counted once over the
 * life of the store (a node's counters start from zero, as Prometheus counters do).
 */
@Component
@ProcessingGroup(ViewMetrics.GROUP)
class ViewMetrics {
  static final String GROUP = "ledger-metrics";
  static final String VIEWED = "MedicalInfoViewed";
  static final String DENIED = "MedicalInfoViewDenied";

  private final MeterRegistry meters;
  private final Envelopes envelopes;
  private final Map<List<String>, Counter> views = new ConcurrentHashMap<>();
  private final Map<String, Counter> denials = new ConcurrentHashMap<>();

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
    // The ledger's own view events are read as they are; other classes of these names as JSON.
    if (payload instanceof MedicalInfoViewed viewed) {
      count("ALLOWED", viewed.facilityCode(), List.of());
    } else if (payload instanceof MedicalInfoViewDenied denied) {
      count("DENIED", denied.facilityCode(), denied.reasons().stream().map(Enum::name).toList());
    } else {
      JsonNode json = envelopes.payloadOf(message);
      String decision = Envelopes.text(json, "decision");
      List<String> reasons = new ArrayList<>();
      JsonNode listed = json == null ? null : json.get("reasons");
      if (listed != null && listed.isArray()) {
        listed.forEach(reason -> reasons.add(reason.asText()));
      }
      count(
          decision != null ? decision : type.equals(VIEWED) ? "ALLOWED" : "DENIED",
          Envelopes.text(json, "facilityCode"),
          reasons);
    }
  }

  private void count(String decision, String facility, List<String> reasons) {
    String prefecture =
        facility != null && facility.length() >= 2 ? facility.substring(0, 2) : "unknown";
    for (String reason : reasons) {
      denials
          .computeIfAbsent(
              reason,
              r ->
                  Counter.builder("ledger.denials")
                      .description("reasons of denied views")
                      .tag("reason", r)
                      .register(meters))
          .increment();
    }
    views
        .computeIfAbsent(
            List.of(decision, prefecture),
            key ->
                Counter.builder("ledger.views")
                    .description("medical information view attempts, by decision and prefecture")
                    .tag("decision", key.get(0))
                    .tag("prefecture", key.get(1))
                    .register(meters))
        .increment();
  }
}
