package jp.emergencyaccess.ledger.investigation;

import java.time.Instant;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.TextRules;

/** Shape checks shared by the inquiry commands. */
final class InquiryText {
  static final int MAX_TEXT = 4000;

  private InquiryText() {}

  static String require(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidField(field, "must not be empty");
    }
    if (value.length() > MAX_TEXT) {
      throw new InvalidField(field, "must be at most " + MAX_TEXT + " characters");
    }
    return TextRules.freeText(field, value);
  }

  static Instant requireAt(Instant at) {
    if (at == null) {
      throw new InvalidField("at", "is required");
    }
    return at;
  }
}
