package jp.emergencyaccess.ledger.access;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link FacilityServiceStatus} over the table {@code facility_service_change}: one row per measure
 * (SUSPENDED, STOPPED or RESUMED) with the instant it took effect; the row with the latest {@code
 * at_ms} at or before the instant decides. NOT YET FED: no event handler writes this table until
 * the inquiries and measures feature (issue 5) adds one, so today every facility answers "not
 * suspended". The decision already asks, so the rule and its reason are wired end to end.
 */
@Component
class ServiceStatusTable implements FacilityServiceStatus {
  private final JdbcTemplate jdbc;

  ServiceStatusTable(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean suspendedOrStoppedAt(String facilityCode, Instant at) {
    List<String> latest =
        jdbc.queryForList(
            "select change from facility_service_change where facility_code = ? and at_ms <= ?"
                + " order by at_ms desc, seq desc limit 1",
            String.class,
            facilityCode,
            at.toEpochMilli());
    return !latest.isEmpty() && !"RESUMED".equals(latest.get(0));
  }
}
