package jp.emergencyaccess.ledger.activation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.emergencyaccess.ledger.common.JapanTime;

/**
 * One period that covers a facility at an instant, and why: a region's period ({@code regionCode})
 * or the facility's own ({@code applicationId}).
 *
 * <p>{@code noticeId} (regions) or {@code applicationId} (facilities) names the change under which
 * the instant was first covered: the earliest change of the period's chain from which on the period
 * has included the instant's day in Japan without a break. When no change of the chain ever cut the
 * period short of that day, that is simply the first change whose period reached it (the activation
 * for the first week, the extension that reached the day for a later one). {@code notices} or
 * {@code applications} is the whole chain that shaped the period (its opening, extensions and end,
 * in recording order), so the notice that set the current last day is its last element.
 *
 * <p>{@code retroactive} says whether that covering change came after the instant: for a notice,
 * when its issue date (a civil date in Japan, all that a notice carries) is later than the
 * instant's day in Japan, so a notice issued on the day of a lookup is not retroactive; for an
 * application, when the approval (or extension) was recorded as happening at a later instant than
 * the lookup. Null when the notice's issue date is not known.
 */
public record CoverageBasis(
    ActivationChange.Kind kind,
    String regionCode,
    String noticeId,
    List<String> notices,
    String applicationId,
    List<String> applications,
    Boolean retroactive,
    LocalDate from,
    LocalDate until) {

  /** The basis that period {@code p}, which covers {@code at}, gives a lookup at {@code at}. */
  public static CoverageBasis of(ActivePeriod p, Instant at) {
    LocalDate day = JapanTime.dateOf(at);
    List<ActivationChange> chain = p.changes();
    int first = chain.size() - 1;
    while (first > 0 && !chain.get(first - 1).until().isBefore(day)) {
      first--;
    }
    ActivationChange covering = chain.get(first);
    if (p.kind() == ActivationChange.Kind.REGION) {
      return new CoverageBasis(
          p.kind(),
          p.subject(),
          covering.noticeId(),
          chain.stream().map(ActivationChange::noticeId).toList(),
          null,
          null,
          covering.noticeIssuedOn() == null ? null : covering.noticeIssuedOn().isAfter(day),
          p.from(),
          p.until());
    }
    return new CoverageBasis(
        p.kind(),
        null,
        null,
        null,
        covering.applicationId(),
        chain.stream().map(ActivationChange::applicationId).toList(),
        covering.at().isAfter(at),
        p.from(),
        p.until());
  }
}
