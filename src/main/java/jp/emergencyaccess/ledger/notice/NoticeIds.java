package jp.emergencyaccess.ledger.notice;

import java.util.regex.Pattern;
import jp.emergencyaccess.ledger.common.InvalidField;

/** The shape of notice ids and series names: {@code [a-z0-9-]{1,64}}. */
public final class NoticeIds {
  private static final Pattern SHAPE = Pattern.compile("[a-z0-9-]{1,64}");

  private NoticeIds() {}

  public static String check(String field, String value) {
    if (value == null || value.isEmpty()) {
      throw new InvalidField(field, "is required");
    }
    if (!SHAPE.matcher(value).matches()) {
      throw new InvalidField(field, "must match [a-z0-9-]{1,64}");
    }
    return value;
  }
}
