package jp.emergencyaccess.ledger.access;

import java.time.Instant;
import java.util.List;
import jp.emergencyaccess.ledger.activation.AsOf;
import jp.emergencyaccess.ledger.activation.Coverage;
import jp.emergencyaccess.ledger.activation.FacilityCoverage;
import jp.emergencyaccess.ledger.facility.FacilitySummary;
import org.springframework.stereotype.Service;

/**
 * Judges a recorded lookup again under another activation state with the access rule itself ({@link
 * ViewPolicy#withActivation}): so "allowed then, but only because of revision 5" reads as allowed
 * originally, denied with NOT_ACTIVATED under revision 4.
 */
@Service
public class Rejudge {
  private final FacilityCoverage coverage;

  public Rejudge(FacilityCoverage coverage) {
    this.coverage = coverage;
  }

  /**
   * @param facility the facility that looked, as registered (null when it is not registered: then
   *     its activation cannot be judged again and the original reasons stand)
   * @param at the instant of the lookup
   * @param original the reasons the recorded decision gave (empty when it was allowed)
   */
  public Rejudged under(
      FacilitySummary facility, Instant at, List<DenialReason> original, AsOf asOf) {
    if (facility == null) {
      return new Rejudged(original, null);
    }
    Coverage covered = coverage.of(facility, at, asOf);
    CoveredBy coveredBy = covered.coveredBy() == null ? null : CoveredBy.of(covered.coveredBy());
    return new Rejudged(ViewPolicy.withActivation(original, coveredBy), coveredBy);
  }
}
