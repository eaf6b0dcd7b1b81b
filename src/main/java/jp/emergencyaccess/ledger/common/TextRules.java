package jp.emergencyaccess.ledger.common;

/**
 * Which characters a request's text may hold, the same on every store (PostgreSQL refuses NUL, H2
 * keeps it; both replace a lone surrogate with {@code ?}). Free text (reasons, summaries, a
 * notice's confirmation) may hold tabs and line feeds; identifiers and names are single lines.
 * Neither may hold other control characters (C0, DEL, C1), lone surrogates or the Unicode
 * bidirectional controls, which can make a name display as another.
 */
public final class TextRules {
  private TextRules() {}

  /** Null when the text may be free text, else what is wrong with it. */
  public static String problemInFreeText(String value) {
    return problem(value, true);
  }

  /** Null when the text may be an identifier or a name, else what is wrong with it. */
  public static String problemInLine(String value) {
    return problem(value, false);
  }

  /** Refuses free text that {@link #problemInFreeText} finds fault with. */
  public static String freeText(String field, String value) {
    String problem = problemInFreeText(value);
    if (problem != null) {
      throw new InvalidField(field, problem);
    }
    return value;
  }

  /** Refuses an identifier or name that {@link #problemInLine} finds fault with. */
  public static String line(String field, String value) {
    String problem = problemInLine(value);
    if (problem != null) {
      throw new InvalidField(field, problem);
    }
    return value;
  }

  private static String problem(String value, boolean multiline) {
    if (value == null) {
      return null;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return "must not contain a lone surrogate (at index " + i + ")";
      } else if (c == '\t' || c == '\n') {
        if (!multiline) {
          return "must be a single line without tabs (at index " + i + ")";
        }
      } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) {
        return "must not contain control characters (U+"
            + String.format("%04X", (int) c)
            + " at index "
            + i
            + ")";
      } else if (isBidiControl(c)) {
        return "must not contain bidirectional controls (U+"
            + String.format("%04X", (int) c)
            + " at index "
            + i
            + ")";
      }
    }
    return null;
  }

  /** The characters of Unicode's Bidi_Control property. */
  private static boolean isBidiControl(char c) {
    return c == 0x061c
        || c == 0x200e
        || c == 0x200f
        || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069);
  }
}
