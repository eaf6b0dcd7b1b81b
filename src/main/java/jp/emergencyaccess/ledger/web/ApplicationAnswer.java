package jp.emergencyaccess.ledger.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.facility.Applicant;
import jp.emergencyaccess.ledger.facility.ApplicationSummary;
import jp.emergencyaccess.ledger.facility.Attestations;
import jp.emergencyaccess.ledger.facility.FacilityKind;

/** An application as answered: form 別添1 as submitted, its status and MHLW's decision (or null). */
record ApplicationAnswer(
    String applicationId,
    String facilityCode,
    FacilityKind kind,
    String name,
    String nameKana,
    String postalCode,
    String address,
    String phone,
    String reason,
    LocalDate requestedFrom,
    LocalDate requestedUntil,
    Attestations attestations,
    Applicant applicant,
    String clientId,
    String submittedBy,
    OffsetDateTime at,
    OffsetDateTime recordedAt,
    ApplicationSummary.Status status,
    Decision decision,
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean replayed) {
  /** MHLW's decision: the granted period, or the reason for rejection. */
  @Schema(name = "ApplicationDecision")
  record Decision(
      ApplicationSummary.Status status,
      LocalDate from,
      LocalDate until,
      String reason,
      String decidedBy,
      OffsetDateTime at) {}

  static ApplicationAnswer of(ApplicationSummary a) {
    return of(a, null);
  }

  /** {@code replayed} is given only in the answer to a submission: whether it was a retry. */
  static ApplicationAnswer of(ApplicationSummary a, Boolean replayed) {
    var f = a.form();
    Decision decision =
        a.status() == ApplicationSummary.Status.SUBMITTED
            ? null
            : new Decision(
                a.status(),
                a.grantedFrom(),
                a.grantedUntil(),
                a.rejectionReason(),
                a.decidedBy(),
                JapanTime.render(a.decidedAt()));
    return new ApplicationAnswer(
        f.applicationId(),
        f.facilityCode(),
        f.kind(),
        f.name(),
        f.nameKana(),
        f.postalCode(),
        f.address(),
        f.phone(),
        f.reason(),
        f.requestedFrom(),
        f.requestedUntil(),
        f.attestations(),
        f.applicant(),
        f.clientId(),
        f.submittedBy(),
        JapanTime.render(f.at()),
        JapanTime.render(a.submittedAt()),
        a.status(),
        decision,
        replayed);
  }
}
