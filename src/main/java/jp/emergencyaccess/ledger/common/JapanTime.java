package jp.emergencyaccess.ledger.common;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Civil time in Japan: every date in a notice is a date in Asia/Tokyo, whatever the server's zone.
 */
public final class JapanTime {
  public static final ZoneId ZONE = ZoneId.of("Asia/Tokyo");
  public static final ZoneOffset OFFSET = ZoneOffset.ofHours(9);

  private JapanTime() {}

  /** 00:00 JST on the given date. */
  public static Instant startOf(LocalDate date) {
    return date.atStartOfDay(ZONE).toInstant();
  }

  /** The civil date in Japan at that instant. */
  public static LocalDate dateOf(Instant instant) {
    return instant.atZone(ZONE).toLocalDate();
  }

  /** How answers render instants: always with the +09:00 offset. */
  public static OffsetDateTime render(Instant instant) {
    return instant == null ? null : instant.atOffset(OFFSET);
  }

  /**
   * Parses a query value that is either an instant with an offset or a plain date; a date means
   * 00:00 JST on that day.
   */
  public static Instant parseInstantOrDate(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      if (value.length() == 10) {
        return startOf(LocalDate.parse(value));
      }
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeException e) {
      throw new InvalidField(
          field,
          "must be a date (2024-02-20) or an instant with an offset (2024-02-20T10:15:00+09:00)");
    }
  }
}
