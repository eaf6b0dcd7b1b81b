package jp.emergencyaccess.ledger.common;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An activation period of civil dates in Japan, both ends inclusive: it covers 00:00 JST on {@code
 * from} up to but excluding 00:00 JST on the day after {@code until}.
 */
public record Period(LocalDate from, LocalDate until) {
  public Period {
    if (from == null) {
      throw new InvalidField("from", "is required");
    }
    if (until == null) {
      throw new InvalidField("until", "is required");
    }
    if (until.isBefore(from)) {
      throw new InvalidField("until", "must not be before from (" + from + ")");
    }
  }

  public Instant start() {
    return JapanTime.startOf(from);
  }

  /**
   * The first instant no longer covered. A period until {@link LocalDate#MAX} (requests cannot set
   * one, but old events may hold it) has no day after: it ends with time itself, not an overflow.
   */
  public Instant end() {
    return until.equals(LocalDate.MAX) ? Instant.MAX : JapanTime.startOf(until.plusDays(1));
  }

  public boolean covers(Instant instant) {
    return !instant.isBefore(start()) && instant.isBefore(end());
  }

  public boolean overlaps(Period other) {
    return !other.until.isBefore(from) && !until.isBefore(other.from);
  }

  public Period withUntil(LocalDate newUntil) {
    return new Period(from, newUntil);
  }
}
