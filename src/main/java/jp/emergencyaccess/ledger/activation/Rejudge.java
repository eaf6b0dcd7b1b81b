package jp.emergencyaccess.ledger.activation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.emergencyaccess.ledger.common.RegionCode;
import org.springframework.stereotype.Service;

/**
 * Judges a recorded view again under another activation state (a notice revision and/or what was
 * known at an instant). Only activation depends on the notices: every other reason the original
 * decision gave (unknown facility, suspension, consent) is a fact about the view itself and is
 * carried over unchanged; {@code NOT_ACTIVATED} is decided afresh from the compact activation
 * history. So "allowed then, but only because of revision 7" reads as: allowed originally, denied
 * with NOT_ACTIVATED under revision 6.
 */
@Service
public class Rejudge {
  private final ActivationQueries activation;

  public Rejudge(ActivationQueries activation) {
    this.activation = activation;
  }

  /**
   * @param facilityCode the facility that looked
   * @param municipalityCode where the facility is (null when the facility was unknown: then its
   *     activation cannot be judged again and the original NOT_ACTIVATED, if any, stands)
   * @param at the instant of the view
   * @param originalReasons the reasons the original decision gave (empty when it was allowed)
   */
  public Judgement under(
      String facilityCode,
      String municipalityCode,
      Instant at,
      List<String> originalReasons,
      AsOf asOf) {
    if (municipalityCode == null) {
      return new Judgement(originalReasons.isEmpty(), originalReasons, List.of());
    }
    List<ActivePeriod> coveredBy =
        activation.facilityCoverage(
            facilityCode, new RegionCode(municipalityCode), at, asOf.filter());
    List<String> reasons = new ArrayList<>();
    for (String reason : originalReasons) {
      if (!reason.equals(Judgement.NOT_ACTIVATED)) {
        reasons.add(reason);
      }
    }
    if (coveredBy.isEmpty()) {
      int place = reasons.indexOf("FACILITY_SUSPENDED") + 1;
      if (place == 0) {
        place = reasons.indexOf("FACILITY_UNKNOWN") + 1;
      }
      reasons.add(place, Judgement.NOT_ACTIVATED);
    }
    return new Judgement(reasons.isEmpty(), reasons, coveredBy);
  }
}
