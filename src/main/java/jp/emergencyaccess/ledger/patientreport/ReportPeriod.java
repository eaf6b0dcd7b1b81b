package jp.emergencyaccess.ledger.patientreport;

import java.time.Instant;
import java.time.LocalDate;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.JapanTime;

/**
 * The dates in Japan a report covers, both inclusive: from 00:00 JST on {@code from} to the end of
 * {@code to}, at most {@link #MAX_YEARS} years (a period that ends before the same date five years
 * later).
 */
public record ReportPeriod(LocalDate from, LocalDate to) {
  public static final int MAX_YEARS = 5;

  public ReportPeriod {
    if (from == null) {
      throw new InvalidField("from", "is required");
    }
    if (to == null) {
      throw new InvalidField("to", "is required");
    }
    if (to.isBefore(from)) {
      throw new InvalidField("to", "must not be before from");
    }
    if (!to.isBefore(from.plusYears(MAX_YEARS))) {
      throw new InvalidField("to", "must be less than " + MAX_YEARS + " years after from");
    }
  }

  /** 00:00 JST on {@code from}. */
  public Instant start() {
    return JapanTime.startOf(from);
  }

  /** 00:00 JST on the day after {@code to}: the first instant the period does not cover. */
  public Instant end() {
    return JapanTime.startOf(to.plusDays(1));
  }
}
