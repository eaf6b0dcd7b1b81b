package jp.emergencyaccess.ledger.investigation;

import java.time.LocalDate;
import java.util.List;
import jp.emergencyaccess.ledger.access.CoveredBy;
import jp.emergencyaccess.ledger.access.DenialReason;
import jp.emergencyaccess.ledger.access.InfoCategory;
import jp.emergencyaccess.ledger.consent.ConsentBasis;

/**
 * One view event as the access history will store it (a row of {@code access_attempt}), buffered
 * until its batch is written by {@link HistoryWriter}.
 */
record AttemptRow(
    String viewId,
    String facilityCode,
    long atMs,
    LocalDate day,
    String viewerId,
    String viewerRole,
    String patientRef,
    List<InfoCategory> categories,
    String consentId,
    ConsentBasis basis,
    String identification,
    boolean allowed,
    List<DenialReason> reasons,
    CoveredBy coveredBy,
    long recordedAtMs) {}
