package jp.emergencyaccess.ledger.facility;

import java.util.Collection;
import java.util.Set;
import jp.emergencyaccess.ledger.common.InvalidField;

/**
 * A 10-digit medical institution code (医療機関コード): prefecture number (01–47), score-table number (1
 * medical, 3 dental, 4 pharmacy), district and institution number, and a check digit over the first
 * nine digits (modulus 10, weights 2-1, the Luhn rule).
 */
public record FacilityCode(String value) {
  /**
   * Very old codes in a few prefectures predate the check-digit rule. They are accepted only when
   * listed ({@code ledger.facility-codes.legacy}), never by skipping the check. Process-wide
   * because a code is a value type checked everywhere; set once at start-up by {@link
   * LegacyFacilityCodes}.
   */
  private static volatile Set<String> legacy = Set.of();

  static void acceptLegacy(Collection<String> codes) {
    legacy = Set.copyOf(codes);
  }

  public FacilityCode {
    String problem = problemWith(value);
    if (problem != null) {
      throw new InvalidField("facilityCode", problem);
    }
  }

  public static FacilityCode parse(String field, String value) {
    String problem = problemWith(value);
    if (problem != null) {
      throw new InvalidField(field, problem);
    }
    return new FacilityCode(value);
  }

  /** Null when the value is a well-formed code, else which part is wrong. */
  public static String problemWith(String value) {
    if (value == null || value.isEmpty()) {
      return "is required";
    }
    if (!value.matches("[0-9]{10}")) {
      return "must be 10 digits, was " + value.length() + " characters";
    }
    int prefecture = Integer.parseInt(value.substring(0, 2));
    if (prefecture < 1 || prefecture > 47) {
      return "prefecture number must be 01–47, was " + value.substring(0, 2);
    }
    char table = value.charAt(2);
    if (table != '1' && table != '3' && table != '4') {
      return "score-table number must be 1 (medical), 3 (dental) or 4 (pharmacy), was " + table;
    }
    int expected = checkDigit(value.substring(0, 9));
    if (value.charAt(9) - '0' != expected && !legacy.contains(value)) {
      return "check digit is wrong (expected " + expected + ")";
    }
    return null;
  }

  /**
   * From the rightmost of the nine digits leftwards, weights 2, 1, 2, 1, …; digits of products add.
   */
  public static int checkDigit(String nineDigits) {
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      int digit = nineDigits.charAt(8 - i) - '0';
      int product = digit * (i % 2 == 0 ? 2 : 1);
      sum += product / 10 + product % 10;
    }
    return (10 - sum % 10) % 10;
  }

  public int prefectureNumber() {
    return Integer.parseInt(value.substring(0, 2));
  }

  /** 1 medical, 3 dental, 4 pharmacy. */
  public char scoreTable() {
    return value.charAt(2);
  }

  @Override
  public String toString() {
    return value;
  }
}
