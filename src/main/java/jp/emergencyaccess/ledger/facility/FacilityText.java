package jp.emergencyaccess.ledger.facility;

import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.TextRules;

/** Shape checks for the text fields of facility master data and the application form. */
public final class FacilityText {
  private FacilityText() {}

  /** A name or identifier: one line of at most {@code maxLength} characters. */
  public static String require(String field, String value, int maxLength) {
    return TextRules.line(field, requireLength(field, value, maxLength));
  }

  /** A reason or other free text: tabs and line feeds allowed (TextRules). */
  public static String requireFreeText(String field, String value, int maxLength) {
    return TextRules.freeText(field, requireLength(field, value, maxLength));
  }

  private static String requireLength(String field, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new InvalidField(field, "must not be empty");
    }
    if (value.length() > maxLength) {
      throw new InvalidField(field, "must be at most " + maxLength + " characters");
    }
    return value;
  }

  /** 7 digits, with or without the hyphen: 920-8577 or 9208577. */
  public static String postalCode(String value) {
    if (value == null || !value.matches("[0-9]{3}-?[0-9]{4}")) {
      throw new InvalidField("postalCode", "must be 7 digits such as 920-8577");
    }
    return value;
  }

  /** Digits with optional hyphens, 10 or 11 digits in all. */
  public static String phone(String value) {
    if (value == null
        || !value.matches("[0-9-]{10,13}")
        || value.replace("-", "").length() < 10
        || value.replace("-", "").length() > 11) {
      throw new InvalidField("phone", "must be 10 or 11 digits, hyphens allowed");
    }
    return value;
  }
}
