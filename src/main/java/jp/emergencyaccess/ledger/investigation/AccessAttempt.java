package jp.emergencyaccess.ledger.investigation;

import java.time.Instant;
import java.util.List;

/**
 * One view attempt as the access history shows it. {@code coveredBy*} describe the activation that
 * covered it (kind REGION with region and notice, or FACILITY with the application), all null when
 * nothing did.
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
    String coveredByKind,
    String coveredByRegion,
    String coveredByNotice,
    String coveredByApplication,
    List<AccessFlag> flags,
    Instant recordedAt) {}
