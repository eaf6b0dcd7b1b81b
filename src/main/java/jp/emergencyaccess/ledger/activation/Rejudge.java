package jp.emergencyaccess.ledger.activation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.emergencyaccess.ledger.facility.FacilitySummary;
import org.springframework.stereotype.Service;

/**
 * Judges a recorded view again under another activation state (a notice revision and/or what was
 * known at an instant). Only activation depends on the notices: every other reason the original
 * decision gave (unknown facility, suspension, consent) is a fact about the view itself and is
 * carried over unchanged; {@code NOT_ACTIVATED} is decided afresh by the same {@link
 * FacilityCoverage} the access decision uses. So "allowed then, but only because of revision 5"
 * reads as: allowed originally, denied with NOT_ACTIVATED under revision 4.
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
   * @param at the instant of the view
   * @param originalReasons the reasons the original decision gave (empty when it was allowed)
   */
  public Judgement under(
      FacilitySummary facility, Instant at, List<String> originalReasons, AsOf asOf) {
    if (facility == null) {
      return new Judgement(originalReasons.isEmpty(), originalReasons, List.of());
    }
    Coverage covered = coverage.of(facility, at, asOf);
    List<String> reasons = new ArrayList<>();
    for (String reason : originalReasons) {
      if (!reason.equals(Coverage.NOT_ACTIVATED)) {
        reasons.add(reason);
      }
    }
    if (covered.basis().isEmpty()) {
      // SPEC order: FACILITY_UNKNOWN, FACILITY_SUSPENDED, NOT_ACTIVATED, then the consent reasons.
      int place = reasons.indexOf("FACILITY_SUSPENDED") + 1;
      reasons.add(place, Coverage.NOT_ACTIVATED);
    }
    return new Judgement(reasons.isEmpty(), reasons, covered.basis());
  }
}
