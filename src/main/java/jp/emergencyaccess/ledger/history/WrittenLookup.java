package jp.emergencyaccess.ledger.history;

import java.time.Instant;
import java.time.LocalDate;

/** One new row of the access history as a {@link HistoryListener} sees it. */
public record WrittenLookup(
    String viewId,
    String facilityCode,
    Instant at,
    LocalDate day,
    String viewerId,
    String patientRef,
    boolean allowed,
    boolean exemption,
    boolean repeated) {}
