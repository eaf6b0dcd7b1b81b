package jp.emergencyaccess.ledger.investigation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.Optional;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One facility's service (suspend / stop / resume), keyed by {@link #idOf(String) its facility
 * code}: every measure on a facility, whichever inquiry takes it, is judged and appended on this
 * one event stream, so two measures racing on one node wait for each other's lock and on two nodes
 * collide on the stream's next sequence number (the loser is judged again, see {@link
 * FacilityServiceMeasures}).
 *
 * <p>A store written before this aggregate existed holds its measures under the inquiries'
 * aggregates. Until a facility's stream has its first event, its latest measure is therefore taken
 * from the service-status table, which the inquiries' subscribing processor writes in each
 * measure's own transaction: that table then holds exactly those earlier measures. From its first
 * event on, the stream's own latest measure is the facility's latest (each measure is later than
 * the one before).
 */
@Aggregate
public class FacilityService {
  private static final String PREFIX = "facility-service:";

  @AggregateIdentifier private String serviceId;
  private String facilityCode;
  private ServiceMeasure latest;

  protected FacilityService() {}

  FacilityService(String facilityCode) {
    this.serviceId = idOf(facilityCode);
    this.facilityCode = facilityCode;
  }

  /**
   * The aggregate identifier: prefixed, as the store numbers events per identifier across all
   * aggregate types and the facility's own aggregate already uses the bare code.
   */
  static String idOf(String facilityCode) {
    return PREFIX + facilityCode;
  }

  void suspend(String inquiryId, String reason, Instant at, ServiceStatus recorded) {
    ServiceRules.suspend(facilityCode, latest(recorded), at);
    apply(new FacilityServiceSuspended(inquiryId, facilityCode, reason, at));
  }

  void stop(String inquiryId, String reason, Instant at, ServiceStatus recorded) {
    ServiceRules.stop(facilityCode, latest(recorded), at);
    apply(new FacilityServiceStopped(inquiryId, facilityCode, reason, at));
  }

  void resume(String inquiryId, Instant at, ServiceStatus recorded) {
    ServiceRules.resume(facilityCode, latest(recorded), at);
    apply(new FacilityServiceResumed(inquiryId, facilityCode, at));
  }

  private Optional<ServiceMeasure> latest(ServiceStatus recorded) {
    return latest != null ? Optional.of(latest) : recorded.latest(facilityCode);
  }

  @EventSourcingHandler
  void on(FacilityServiceSuspended e) {
    seen(
        new ServiceMeasure(
            e.facilityCode(), ServiceChange.SUSPENDED, e.at(), e.inquiryId(), e.reason()));
  }

  @EventSourcingHandler
  void on(FacilityServiceStopped e) {
    seen(
        new ServiceMeasure(
            e.facilityCode(), ServiceChange.STOPPED, e.at(), e.inquiryId(), e.reason()));
  }

  @EventSourcingHandler
  void on(FacilityServiceResumed e) {
    seen(new ServiceMeasure(e.facilityCode(), ServiceChange.RESUMED, e.at(), e.inquiryId(), null));
  }

  private void seen(ServiceMeasure measure) {
    serviceId = idOf(measure.facilityCode());
    facilityCode = measure.facilityCode();
    latest = measure;
  }
}
