package jp.emergencyaccess.ledger.history;

import java.time.Instant;
import java.util.List;
import jp.emergencyaccess.ledger.access.CoveredBy;

/**
 * One view attempt as the access history shows it. {@code coveredBy} is the activation that covered
 * it, as its event recorded it, or null when nothing did.
 */
public record AccessAttempt(
    String viewId,
    String facilityCode,
    Instant at,
    String viewerId,
    String viewerRole,
    String patientRef,
    List<String> categories,
    String consentId,
    String consentBasis,
    String identification,
    String decision,
    List<String> reasons,
    CoveredBy coveredBy,
    List<AccessFlag> flags,
    Instant recordedAt) {}
