package jp.emergencyaccess.ledger.workbench;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When the ledger raises an alert, under {@code ledger.alerts}: EMERGENCY_EXEMPTIONS when a
 * facility's lookups under the exemption on one Japan day reach {@code exemptions-per-day}; DENIALS
 * when one viewer's denied lookups at a facility on one day reach {@code denials-per-viewer-day};
 * REPEATED_PATIENT whenever a lookup gets that flag (its own threshold is {@code
 * ledger.flags.repeated-patient}).
 */
@ConfigurationProperties("ledger.alerts")
public record AlertThresholds(Integer exemptionsPerDay, Integer denialsPerViewerDay) {
  public AlertThresholds {
    exemptionsPerDay = exemptionsPerDay == null ? 10 : exemptionsPerDay;
    denialsPerViewerDay = denialsPerViewerDay == null ? 5 : denialsPerViewerDay;
    if (exemptionsPerDay < 1 || denialsPerViewerDay < 1) {
      throw new IllegalArgumentException("ledger.alerts needs positive thresholds");
    }
  }
}
