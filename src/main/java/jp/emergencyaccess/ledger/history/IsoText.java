package jp.emergencyaccess.ledger.history;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import jp.emergencyaccess.ledger.common.JapanTime;

/**
 * Instants in exports, written as the JSON answers write them: ISO-8601 with +09:00 and always with
 * seconds (OffsetDateTime.toString drops zero seconds, which FHIR instants do not allow).
 */
final class IsoText {
  private IsoText() {}

  static String of(Instant instant) {
    return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(JapanTime.render(instant));
  }
}
