package jp.emergencyaccess.ledger.review;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.common.TextRules;
import jp.emergencyaccess.ledger.facility.FacilityCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records that {@code by} examined the logs of one facility for the Japan days {@code from}..{@code
 * to} (inclusive) and what was found. The period has passed by {@code at}: a review of days still
 * to come would prove nothing. The note is the implementing body's own and is optional.
 */
public record RecordReview(
    @TargetAggregateIdentifier String reviewId,
    String facilityCode,
    LocalDate from,
    LocalDate to,
    ReviewFinding finding,
    String note,
    String by,
    String role,
    Instant at) {
  public static final long MAX_DAYS = 366;
  public static final int MAX_NOTE = 2000;

  public RecordReview {
    ReviewIds.check("reviewId", reviewId);
    FacilityCode.parse("facilityCode", facilityCode);
    if (from == null) {
      throw new InvalidField("from", "is required (a Japan date)");
    }
    if (to == null) {
      throw new InvalidField("to", "is required (a Japan date)");
    }
    if (to.isBefore(from)) {
      throw new InvalidField("to", "must not be before from");
    }
    if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
      throw new InvalidField("to", "must be at most " + MAX_DAYS + " days after from");
    }
    if (finding == null) {
      throw new InvalidField("finding", "is required");
    }
    if (note != null) {
      if (note.length() > MAX_NOTE) {
        throw new InvalidField("note", "must be at most " + MAX_NOTE + " characters");
      }
      TextRules.freeText("note", note);
    }
    if (at == null) {
      throw new InvalidField("at", "is required");
    }
    if (to.isAfter(JapanTime.dateOf(at))) {
      throw new InvalidField("to", "must not be after the day the review is recorded (Japan)");
    }
  }
}
