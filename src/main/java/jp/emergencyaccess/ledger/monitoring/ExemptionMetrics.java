package jp.emergencyaccess.ledger.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.emergencyaccess.ledger.access.MedicalInfoViewed;
import jp.emergencyaccess.ledger.consent.ConsentBasis;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * {@code ledger_exemption_views_total{prefecture}}: allowed lookups that relied on the emergency
 * exemption (no consent), so that a burst of them can raise an alert. Counted by the same tracking
 * processor as the other view metrics ({@code ledger-metrics}: never on the command thread, each
 * event once over the life of the store).
 */
@Component
@ProcessingGroup("ledger-metrics")
class ExemptionMetrics {
  private final MeterRegistry meters;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  ExemptionMetrics(MeterRegistry meters) {
    this.meters = meters;
  }

  @EventHandler
  void on(MedicalInfoViewed viewed) {
    if (viewed.consentBasis() != ConsentBasis.EMERGENCY_EXEMPTION) {
      return;
    }
    String facility = viewed.facilityCode();
    String prefecture =
        facility != null && facility.length() >= 2 ? facility.substring(0, 2) : "unknown";
    counters
        .computeIfAbsent(
            prefecture,
            p ->
                Counter.builder("ledger.exemption.views")
                    .description("allowed lookups under the emergency exemption, by prefecture")
                    .tag("prefecture", p)
                    .register(meters))
        .increment();
  }
}
