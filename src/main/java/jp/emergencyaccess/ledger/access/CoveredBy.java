package jp.emergencyaccess.ledger.access;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.emergencyaccess.ledger.activation.ActivationChange;
import jp.emergencyaccess.ledger.activation.CoverageBasis;

/**
 * The activation that covered a lookup: a region period ({@code regionCode}, {@code noticeId} of
 * the notice that set its current last day) or the facility's individual activation ({@code
 * applicationId}). Same shape as a {@code basis} entry of the activation check.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CoveredBy(
    ActivationChange.Kind kind, String regionCode, String noticeId, String applicationId) {

  public static CoveredBy region(String regionCode, String noticeId) {
    return new CoveredBy(ActivationChange.Kind.REGION, regionCode, noticeId, null);
  }

  /** The first period a coverage check found. */
  public static CoveredBy of(CoverageBasis basis) {
    return basis.kind() == ActivationChange.Kind.REGION
        ? region(basis.regionCode(), basis.noticeId())
        : facility(basis.applicationId());
  }

  public static CoveredBy facility(String applicationId) {
    return new CoveredBy(ActivationChange.Kind.FACILITY, null, null, applicationId);
  }
}
