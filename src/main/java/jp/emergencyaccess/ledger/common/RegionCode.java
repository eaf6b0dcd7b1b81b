package jp.emergencyaccess.ledger.common;

/**
 * A 6-digit local government code (全国地方公共団体コード, JIS X 0402) with its check digit. A code whose
 * municipality part is {@code 000} is a prefecture and covers every municipality in it.
 */
public record RegionCode(String value) {
  public RegionCode {
    String problem = problemWith(value);
    if (problem != null) {
      throw new InvalidField("regionCode", problem);
    }
  }

  public static RegionCode parse(String field, String value) {
    String problem = problemWith(value);
    if (problem != null) {
      throw new InvalidField(field, problem);
    }
    return new RegionCode(value);
  }

  /** Null when the value is a well-formed code, else what is wrong with it. */
  public static String problemWith(String value) {
    if (value == null || value.isEmpty()) {
      return "is required";
    }
    if (!value.matches("[0-9]{6}")) {
      return "must be 6 digits, was '" + value + "'";
    }
    int prefecture = Integer.parseInt(value.substring(0, 2));
    if (prefecture < 1 || prefecture > 47) {
      return "prefecture part must be 01–47, was " + value.substring(0, 2);
    }
    int expected = checkDigit(value.substring(0, 5));
    if (value.charAt(5) - '0' != expected) {
      return "check digit of " + value + " is wrong (expected " + expected + ")";
    }
    return null;
  }

  /** Digits 1–5 weighted 6, 5, 4, 3, 2; 11 minus the sum mod 11, keeping the last digit. */
  public static int checkDigit(String fiveDigits) {
    int sum = 0;
    for (int i = 0; i < 5; i++) {
      sum += (fiveDigits.charAt(i) - '0') * (6 - i);
    }
    return (11 - sum % 11) % 10;
  }

  public static RegionCode ofPrefecture(int prefecture) {
    // Not String.format: this runs for every lookup (FacilityCoverage), where a formatter is a
    // large part of reading a decision's facts.
    String five = (prefecture < 10 ? "0" : "") + prefecture + "000";
    return new RegionCode(five + checkDigit(five));
  }

  public boolean isPrefecture() {
    return value.startsWith("000", 2);
  }

  public int prefectureNumber() {
    return Integer.parseInt(value.substring(0, 2));
  }

  /** The prefecture's own code: the region itself for a prefecture. */
  public RegionCode prefecture() {
    return isPrefecture() ? this : ofPrefecture(prefectureNumber());
  }

  @Override
  public String toString() {
    return value;
  }
}
