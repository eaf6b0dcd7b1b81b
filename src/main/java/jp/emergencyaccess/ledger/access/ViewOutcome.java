package jp.emergencyaccess.ledger.access;

import java.time.Instant;
import java.util.List;
import jp.emergencyaccess.ledger.common.Replayable;
import jp.emergencyaccess.ledger.consent.ConsentBasis;
import jp.emergencyaccess.ledger.consent.Identification;

/**
 * The recorded decision on one lookup, as the command answers it. {@code replayed} is true when the
 * request id had already been decided and nothing new was recorded.
 */
public record ViewOutcome(
    String viewId,
    String requestId,
    Decision decision,
    List<DenialReason> reasons,
    String facilityCode,
    String viewerId,
    ViewerRole viewerRole,
    String patientRef,
    List<InfoCategory> categories,
    String consentId,
    ConsentBasis consentBasis,
    Identification identification,
    CoveredBy coveredBy,
    Instant at,
    boolean replayed)
    implements Replayable {

  static ViewOutcome of(MedicalInfoViewed e) {
    return new ViewOutcome(
        e.viewId(),
        e.requestId(),
        Decision.ALLOWED,
        List.of(),
        e.facilityCode(),
        e.viewerId(),
        e.viewerRole(),
        e.patientRef(),
        e.categories(),
        e.consentId(),
        e.consentBasis(),
        e.identification(),
        e.coveredBy(),
        e.at(),
        false);
  }

  static ViewOutcome of(MedicalInfoViewDenied e) {
    return new ViewOutcome(
        e.viewId(),
        e.requestId(),
        Decision.DENIED,
        e.reasons(),
        e.facilityCode(),
        e.viewerId(),
        e.viewerRole(),
        e.patientRef(),
        e.categories(),
        e.consentId(),
        e.consentBasis(),
        e.identification(),
        e.coveredBy(),
        e.at(),
        false);
  }

  ViewOutcome asReplay() {
    return new ViewOutcome(
        viewId,
        requestId,
        decision,
        reasons,
        facilityCode,
        viewerId,
        viewerRole,
        patientRef,
        categories,
        consentId,
        consentBasis,
        identification,
        coveredBy,
        at,
        true);
  }

  public boolean allowed() {
    return decision == Decision.ALLOWED;
  }
}
