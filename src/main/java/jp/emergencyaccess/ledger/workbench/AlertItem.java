package jp.emergencyaccess.ledger.workbench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One alert of the queue. {@code assignee}, {@code dismissReason}, {@code note} and {@code
 * changedBy} are the implementing body's own ({@link #forFacility} leaves them out).
 */
public record AlertItem(
    String alertId,
    AlertKind kind,
    String facilityCode,
    String prefecture,
    LocalDate day,
    String viewerId,
    String patientRef,
    long lookups,
    long threshold,
    List<String> reasons,
    long risk,
    Instant at,
    Instant raisedAt,
    AlertStatus status,
    String assignee,
    String inquiryId,
    String dismissReason,
    String note,
    String changedBy,
    Instant changedAt) {

  /** What a facility may read of its own alert: the alert and its state, no internal notes. */
  public AlertItem forFacility() {
    return new AlertItem(
        alertId,
        kind,
        facilityCode,
        prefecture,
        day,
        viewerId,
        patientRef,
        lookups,
        threshold,
        reasons,
        risk,
        at,
        raisedAt,
        status,
        null,
        inquiryId,
        null,
        null,
        null,
        changedAt);
  }
}
