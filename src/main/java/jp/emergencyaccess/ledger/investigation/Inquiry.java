package jp.emergencyaccess.ledger.investigation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.common.Recorded;
import jp.emergencyaccess.ledger.common.RuleViolation;
import jp.emergencyaccess.ledger.common.SameRequest;
import jp.emergencyaccess.ledger.facility.FacilityDirectory;
import jp.emergencyaccess.ledger.facility.FacilitySummary;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One inquiry of an implementing body into one facility, and the measures taken under it. The
 * facility's service (suspend / stop / resume) is one state per facility, whichever inquiry changes
 * it, so its rules are judged, and its events recorded, by the facility's own {@link
 * FacilityService} aggregate through {@link FacilityServices}; that the inquiry is open, and that
 * nothing precedes its opening, is judged here first.
 */
@Aggregate
public class Inquiry {
  @AggregateIdentifier private String inquiryId;
  private String facilityCode;
  private String reason;
  private Instant openedAt;
  private boolean namePublished;
  private boolean closed;

  protected Inquiry() {}

  /**
   * Returns the inquiry id. The same client id with the same request returns the first one and
   * records nothing; with another request it is refused as REQUEST_ID_REUSED ({@link SameRequest}).
   */
  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public Recorded handle(OpenInquiry command, FacilityDirectory facilities) {
    if (facilityCode != null) {
      SameRequest.of("clientId " + command.clientId(), "inquiry " + inquiryId)
          .field("facilityCode", facilityCode, command.facilityCode())
          .field("reason", reason, command.reason())
          .instant("at", openedAt, command.at(), command.atStated())
          .orRefuse();
      return Recorded.replayed(inquiryId);
    }
    if (facilities.find(command.facilityCode()).isEmpty()) {
      throw new RuleViolation(
          "FACILITY_NOT_REGISTERED", "facility " + command.facilityCode() + " is not registered");
    }
    apply(
        new InquiryOpened(
            command.inquiryId(),
            command.facilityCode(),
            command.reason(),
            command.clientId(),
            command.at()));
    return Recorded.created(command.inquiryId());
  }

  @CommandHandler
  public void handle(RecordFacilityReport command) {
    requireOpen(command.at());
    apply(new FacilityReportRecorded(inquiryId, facilityCode, command.summary(), command.at()));
  }

  @CommandHandler
  public void handle(RequestImprovementReport command) {
    requireOpen(command.at());
    apply(new ImprovementReportRequested(inquiryId, facilityCode, command.dueOn(), command.at()));
  }

  @CommandHandler
  public void handle(PublishFacilityName command, FacilityDirectory facilities) {
    requireOpen(command.at());
    if (namePublished) {
      throw new RuleViolation(
          "NAME_ALREADY_PUBLISHED",
          "inquiry " + inquiryId + " has already published the name of " + facilityCode);
    }
    String name = facilities.find(facilityCode).map(FacilitySummary::name).orElse(null);
    apply(new FacilityNamePublished(inquiryId, facilityCode, name, command.at()));
  }

  @CommandHandler
  public void handle(SuspendService command, FacilityServices service) {
    requireOpen(command.at());
    service.suspend(inquiryId, facilityCode, command.reason(), command.at());
  }

  @CommandHandler
  public void handle(StopService command, FacilityServices service) {
    requireOpen(command.at());
    service.stop(inquiryId, facilityCode, command.reason(), command.at());
  }

  @CommandHandler
  public void handle(ResumeService command, FacilityServices service) {
    requireOpen(command.at());
    service.resume(inquiryId, facilityCode, command.at());
  }

  @CommandHandler
  public void handle(CloseInquiry command) {
    requireOpen(command.at());
    apply(
        new InquiryClosed(
            inquiryId, facilityCode, command.finding(), command.summary(), command.at()));
  }

  /**
   * Nothing follows a close, and nothing precedes the opening: a measure (or the close) happens at
   * or after the instant the inquiry was opened.
   */
  private void requireOpen(Instant at) {
    if (closed) {
      throw new RuleViolation(
          "INQUIRY_CLOSED", "inquiry " + inquiryId + " is closed; nothing more can be recorded");
    }
    if (openedAt != null && at.isBefore(openedAt)) {
      throw new RuleViolation(
          "MEASURE_BEFORE_OPENING",
          "inquiry "
              + inquiryId
              + " was opened at "
              + JapanTime.render(openedAt)
              + "; a measure cannot be earlier");
    }
  }

  @EventSourcingHandler
  void on(InquiryOpened event) {
    inquiryId = event.inquiryId();
    facilityCode = event.facilityCode();
    reason = event.reason();
    openedAt = event.at();
  }

  @EventSourcingHandler
  void on(FacilityNamePublished event) {
    namePublished = true;
  }

  @EventSourcingHandler
  void on(InquiryClosed event) {
    closed = true;
  }
}
