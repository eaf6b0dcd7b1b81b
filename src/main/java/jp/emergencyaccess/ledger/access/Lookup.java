package jp.emergencyaccess.ledger.access;

import java.time.Instant;
import java.util.List;
import jp.emergencyaccess.ledger.consent.ConsentBasis;
import jp.emergencyaccess.ledger.consent.Identification;

/**
 * One decided lookup, as its event recorded it: the value the command answers, the access history
 * keeps and its pages, downloads and reports show. The two events stay as they are (they are the
 * stored contract); everything after them carries this one value instead of restating the fields.
 * The request id is the command's key for retries, not a fact of the lookup: the answer carries it
 * ({@link ViewOutcome}), the history does not keep it.
 *
 * @param reasons every reason of a denial, in the policy's order; empty when allowed
 * @param consentBasis the cited consent's basis, or null when none was cited or found
 * @param coveredBy the activation that covered the instant, or null when none did
 */
public record Lookup(
    String viewId,
    String facilityCode,
    Instant at,
    String viewerId,
    ViewerRole viewerRole,
    String patientRef,
    List<InfoCategory> categories,
    String consentId,
    ConsentBasis consentBasis,
    Identification identification,
    Decision decision,
    List<DenialReason> reasons,
    CoveredBy coveredBy) {

  public Lookup {
    categories = List.copyOf(categories);
    reasons = List.copyOf(reasons);
  }

  /** The lookup as either of its events recorded it. */
  public static Lookup of(LookupEvent e) {
    boolean denied = e instanceof MedicalInfoViewDenied;
    return new Lookup(
        e.viewId(),
        e.facilityCode(),
        e.at(),
        e.viewerId(),
        e.viewerRole(),
        e.patientRef(),
        e.categories(),
        e.consentId(),
        e.consentBasis(),
        e.identification(),
        denied ? Decision.DENIED : Decision.ALLOWED,
        denied ? ((MedicalInfoViewDenied) e).reasons() : List.of(),
        e.coveredBy());
  }

  public boolean allowed() {
    return decision == Decision.ALLOWED;
  }

  /** Looked up without consent, under the privacy act's emergency exemption. */
  public boolean underExemption() {
    return consentBasis == ConsentBasis.EMERGENCY_EXEMPTION;
  }
}
