package jp.emergencyaccess.ledger.access;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import jp.emergencyaccess.ledger.activation.ActivationChange;
import jp.emergencyaccess.ledger.activation.CoverageBasis;

/**
 * The activation that covered a lookup, as recorded in its event (revision 2) and answered
 * everywhere: the same shape as a {@code basis} entry of the activation check.
 *
 * <ul>
 *   <li>REGION: {@code regionCode}; {@code noticeId} the notice under which the instant was first
 *       covered; {@code notices} the chain of notices that shaped the period, in order.
 *   <li>FACILITY (its own activation): {@code applicationId} the application under which the
 *       instant was first covered; {@code applications} the chain of applications that shaped the
 *       period.
 *   <li>{@code retroactive}: true when that covering notice was issued (or application approved)
 *       after the lookup's instant; see {@link CoverageBasis} for the exact rule. Always written,
 *       null when not known.
 * </ul>
 *
 * <p>A view recorded in revision 1 recorded only the notice (or application) that then set the
 * period's last day, in a field meant as the basis: it is read ({@link ViewRevision1Upcaster}) as
 * {@code notices} (or {@code applications}) of that one element, with {@code noticeId} (or {@code
 * applicationId}) and {@code retroactive} null, because which notice first covered the instant was
 * not recorded and is not guessed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CoveredBy(
    ActivationChange.Kind kind,
    String regionCode,
    String noticeId,
    List<String> notices,
    String applicationId,
    List<String> applications,
    @JsonInclude(JsonInclude.Include.ALWAYS) Boolean retroactive) {

  public CoveredBy {
    notices = notices == null ? null : List.copyOf(notices);
    applications = applications == null ? null : List.copyOf(applications);
  }

  /** A region period that one notice opened and nothing else changed, not retroactive. */
  public static CoveredBy region(String regionCode, String noticeId) {
    return new CoveredBy(
        ActivationChange.Kind.REGION, regionCode, noticeId, List.of(noticeId), null, null, false);
  }

  /** An individual period that one application opened, approved before the lookup. */
  public static CoveredBy facility(String applicationId) {
    return new CoveredBy(
        ActivationChange.Kind.FACILITY,
        null,
        null,
        null,
        applicationId,
        List.of(applicationId),
        false);
  }

  /** The basis a coverage check found. */
  public static CoveredBy of(CoverageBasis basis) {
    return new CoveredBy(
        basis.kind(),
        basis.regionCode(),
        basis.noticeId(),
        basis.notices(),
        basis.applicationId(),
        basis.applications(),
        basis.retroactive());
  }

  /** The chain of notices or applications, whichever this kind has (never null). */
  public List<String> chain() {
    List<String> chain = kind == ActivationChange.Kind.FACILITY ? applications : notices;
    return chain == null ? List.of() : chain;
  }
}
