package jp.emergencyaccess.ledger.facility;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import jp.emergencyaccess.ledger.common.Period;
import jp.emergencyaccess.ledger.common.RuleViolation;

/**
 * A facility's individual periods and the rule for a new grant.
 *
 * <p>A granted period <em>continues</em> a recorded period P when it starts within P or on the day
 * after P's last day (from ∈ [P.from, P.until + 1]): then it extends P to the granted last day
 * ({@link FacilityActivationExtended}), provided that is later than P's; a grant that ends within P
 * adds nothing and is refused ({@code ALREADY_COVERED}). A grant that continues no period and
 * overlaps none opens a new period ({@link FacilityActivated}). Any other overlap (a grant starting
 * before a recorded period and reaching into it, or spanning two) is refused ({@code
 * PERIOD_OVERLAPS}): periods are identified by their first day, which an approval never moves.
 */
final class IndividualPeriods {
  private final List<Period> periods = new ArrayList<>();

  /** What a grant does: opens a new period, or extends {@code extended}. */
  record Grant(Period granted, Period extended) {
    boolean opensNewPeriod() {
      return extended == null;
    }
  }

  Grant grant(Period granted) {
    Optional<Period> continued =
        periods.stream()
            .filter(p -> !granted.from().isBefore(p.from()))
            .filter(p -> ChronoUnit.DAYS.between(p.until(), granted.from()) <= 1)
            .max(Comparator.comparing(Period::from));
    for (Period p : periods) {
      if (p.overlaps(granted) && !continued.map(p::equals).orElse(false)) {
        throw new RuleViolation(
            "PERIOD_OVERLAPS",
            "granted period "
                + show(granted)
                + " overlaps the individual period "
                + show(p)
                + " and does not continue it");
      }
    }
    if (continued.isEmpty()) {
      return new Grant(granted, null);
    }
    Period p = continued.get();
    if (!granted.until().isAfter(p.until())) {
      throw new RuleViolation(
          "ALREADY_COVERED",
          "granted period " + show(granted) + " is already covered by " + show(p));
    }
    return new Grant(granted, p);
  }

  Optional<Period> latest() {
    return periods.stream().max(Comparator.comparing(Period::from));
  }

  void add(Period period) {
    periods.add(period);
  }

  void extend(LocalDate from, LocalDate until) {
    periods.replaceAll(p -> p.from().equals(from) ? p.withUntil(until) : p);
  }

  private static String show(Period p) {
    return p.from() + ".." + p.until();
  }
}
