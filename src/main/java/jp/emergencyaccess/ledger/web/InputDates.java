package jp.emergencyaccess.ledger.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.regex.Pattern;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.JapanTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The dates a request may name (SPEC §10): every date and instant of every command and query lies
 * within {@code earliest}..{@code latest}, both civil dates in Japan and inclusive. Far dates are
 * refused here, before anything is recorded, rather than met later by a read model that cannot
 * compute the day after them.
 *
 * <p>Shapes: a date is {@code yyyy-MM-dd}; an instant is ISO-8601 with a seconds field optional, a
 * fraction of up to nine digits and an offset ({@code Z} or {@code ±hh:mm}), upper-case {@code T}
 * and {@code Z}, nothing around it.
 */
@ConfigurationProperties("ledger.input.dates")
record InputDates(
    @DefaultValue("2000-01-01") LocalDate earliest, @DefaultValue("2100-12-31") LocalDate latest) {
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final Pattern INSTANT =
      Pattern.compile(
          "[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]{1,9})?)?"
              + "(Z|[+-][0-9]{2}:[0-9]{2})");
  static final String DATE_SHAPE = "must be a date such as 2024-02-20";
  static final String INSTANT_SHAPE =
      "must be an instant with an offset such as 2024-02-20T10:15:00+09:00";

  InputDates {
    if (earliest.isAfter(latest) || latest.equals(LocalDate.MAX)) {
      throw new IllegalArgumentException(
          "ledger.input.dates: earliest must not be after latest, and latest must have a next day");
    }
  }

  LocalDate date(String field, String text) {
    LocalDate date;
    try {
      date = LocalDate.parse(text);
    } catch (DateTimeException e) {
      throw new InvalidField(field, DATE_SHAPE);
    }
    check(field, date);
    if (!DATE.matcher(text).matches()) {
      throw new InvalidField(field, DATE_SHAPE);
    }
    return date;
  }

  OffsetDateTime instant(String field, String text) {
    OffsetDateTime instant;
    try {
      instant = OffsetDateTime.parse(text);
    } catch (DateTimeException e) {
      throw new InvalidField(field, INSTANT_SHAPE);
    }
    check(field, instant.toInstant());
    if (!INSTANT.matcher(text).matches()) {
      throw new InvalidField(field, INSTANT_SHAPE);
    }
    return instant;
  }

  /**
   * A query value that is a date (00:00 JST on that day) or an instant, as {@link
   * JapanTime#parseInstantOrDate}; null when absent or blank.
   */
  Instant instantOrDate(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    if (text.length() == 10) {
      return JapanTime.startOf(date(field, text));
    }
    return instant(field, text).toInstant();
  }

  void check(String field, LocalDate date) {
    if (date.isBefore(earliest) || date.isAfter(latest)) {
      throw new InvalidField(field, outside());
    }
  }

  void check(String field, Instant instant) {
    if (instant.isBefore(JapanTime.startOf(earliest))
        || !instant.isBefore(JapanTime.startOf(latest.plusDays(1)))) {
      throw new InvalidField(field, outside());
    }
  }

  private String outside() {
    return "must lie between " + earliest + " and " + latest + " (dates in Japan)";
  }
}
