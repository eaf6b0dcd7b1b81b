package jp.emergencyaccess.ledger.investigation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.emergencyaccess.ledger.access.FacilityServiceStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link ServiceStatus}, and the access decision's {@link FacilityServiceStatus}, over the table
 * {@code facility_service_change} (one row per suspend, stop or resume, written in the measure's
 * transaction). Every question reads the facility's few rows by index, in the caller's transaction:
 * no node keeps a copy, so a measure committed on any node is seen by the next decision on every
 * node.
 */
@Component
@ProcessingGroup(InquiryLog.GROUP)
public class ServiceStatusLog implements ServiceStatus, FacilityServiceStatus {
  private final JdbcTemplate jdbc;

  ServiceStatusLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @ResetHandler
  void reset() {
    jdbc.update("delete from facility_service_change");
  }

  @EventHandler
  void on(FacilityServiceSuspended e, EventMessage<?> message) {
    record(message, e.facilityCode(), ServiceChange.SUSPENDED, e.at());
  }

  @EventHandler
  void on(FacilityServiceStopped e, EventMessage<?> message) {
    record(message, e.facilityCode(), ServiceChange.STOPPED, e.at());
  }

  @EventHandler
  void on(FacilityServiceResumed e, EventMessage<?> message) {
    record(message, e.facilityCode(), ServiceChange.RESUMED, e.at());
  }

  private void record(
      EventMessage<?> message, String facilityCode, ServiceChange change, Instant at) {
    jdbc.update(
        "insert into facility_service_change (event_id, facility_code, change, at_ms)"
            + " values (?, ?, ?, ?)",
        message.getIdentifier(),
        facilityCode,
        change.name(),
        at.toEpochMilli());
  }

  @Override
  public Optional<ServiceMeasure> suspendedAt(String facilityCode, Instant at) {
    ServiceMeasure inForce = null;
    for (ServiceMeasure measure : measures(facilityCode)) {
      if (measure.at().isAfter(at)) {
        break;
      }
      inForce = measure;
    }
    return Optional.ofNullable(inForce).filter(m -> m.change().outOfService());
  }

  /** The access decision's question: FACILITY_SUSPENDED from a suspension's or stop's instant. */
  @Override
  public boolean suspendedOrStoppedAt(String facilityCode, Instant at) {
    return suspendedAt(facilityCode, at).isPresent();
  }

  @Override
  public Optional<ServiceMeasure> latest(String facilityCode) {
    List<ServiceMeasure> measures = measures(facilityCode);
    return measures.isEmpty() ? Optional.empty() : Optional.of(measures.get(measures.size() - 1));
  }

  /** The facility's measures in the order they take effect. */
  private List<ServiceMeasure> measures(String facilityCode) {
    return List.copyOf(
        jdbc.query(
            "select c.change, c.at_ms, e.inquiry_id, e.text from facility_service_change c"
                + " left join inquiry_event e on e.event_id = c.event_id"
                + " where c.facility_code = ? order by c.at_ms, c.seq",
            (rs, n) ->
                new ServiceMeasure(
                    facilityCode,
                    ServiceChange.valueOf(rs.getString("change")),
                    Instant.ofEpochMilli(rs.getLong("at_ms")),
                    rs.getString("inquiry_id"),
                    rs.getString("text")),
            facilityCode));
  }
}
