package jp.emergencyaccess.ledger.facility;

import java.time.Instant;
import java.time.LocalDate;

/** An application as the directory knows it: the form, and the decision once there is one. */
public record ApplicationSummary(
    ActivationApplicationSubmitted form,
    Instant submittedAt,
    Status status,
    LocalDate grantedFrom,
    LocalDate grantedUntil,
    String rejectionReason,
    String decidedBy,
    Instant decidedAt) {

  public enum Status {
    SUBMITTED,
    APPROVED,
    REJECTED
  }

  public String applicationId() {
    return form.applicationId();
  }

  public String facilityCode() {
    return form.facilityCode();
  }
}
