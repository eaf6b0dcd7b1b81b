package jp.emergencyaccess.ledger.patientreport;

import java.time.Instant;
import java.time.LocalDate;
import jp.emergencyaccess.ledger.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/**
 * An account asked for the access report (or the AuditEvent search) of one patient, known only by
 * its {@code patientRef}, over the dates {@code from}..{@code to} in Japan. {@code at} is when it
 * was asked.
 */
@Revision("1")
public record PatientAccessReportRequested(
    String reportId,
    String requestedBy,
    String requesterRole,
    String patientRef,
    LocalDate from,
    LocalDate to,
    ReportForm form,
    Instant at)
    implements LedgerEvent {}
