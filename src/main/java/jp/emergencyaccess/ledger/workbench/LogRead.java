package jp.emergencyaccess.ledger.workbench;

import java.time.Instant;
import jp.emergencyaccess.ledger.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/**
 * An account read the logs: {@code action} (ACCESS_HISTORY, ACCESS_CSV, ACCESS_FHIR, ALERT_QUEUE,
 * ALERT, PATIENT_DRILLDOWN, VIEWER_DRILLDOWN, FACILITY_RANKING, REVIEWS), {@code subject} (a
 * facility code, an alert id, a patientRef or a prefecture, {@code *} for all) and the request's
 * filters as {@code name=value&…} in name order. Never a patientId: no read names one in its query.
 */
@Revision("1")
public record LogRead(
    String account, String role, String action, String subject, String filters, Instant at)
    implements LedgerEvent {}
