package jp.emergencyaccess.ledger.patientreport;

import java.time.Instant;
import jp.emergencyaccess.ledger.common.InvalidField;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that {@code requestedBy} asked for the report of one patient over a period. */
public record RequestPatientAccessReport(
    @TargetAggregateIdentifier String reportId,
    String requestedBy,
    String requesterRole,
    String patientRef,
    ReportPeriod period,
    ReportForm form,
    Instant at) {

  public RequestPatientAccessReport {
    if (reportId == null || !reportId.matches("[0-9a-f-]{36}")) {
      throw new InvalidField("reportId", "must be a UUID");
    }
    if (requestedBy == null || requestedBy.isBlank() || requestedBy.length() > 100) {
      throw new InvalidField("requestedBy", "must be an account name of 1-100 characters");
    }
    if (requesterRole == null || requesterRole.isBlank() || requesterRole.length() > 16) {
      throw new InvalidField("requesterRole", "must be a role name");
    }
    if (patientRef == null || !patientRef.matches("[0-9a-f]{32}")) {
      throw new InvalidField("patientRef", "must be 32 lower-case hex characters");
    }
    if (period == null) {
      throw new InvalidField("period", "is required");
    }
    if (form == null) {
      throw new InvalidField("form", "is required");
    }
    if (at == null) {
      throw new InvalidField("at", "is required");
    }
  }
}
