package jp.emergencyaccess.ledger.workbench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.emergencyaccess.ledger.common.InvalidField;

/**
 * An alert's id is derived from what it is about (kind, facility, Japan day, subject), so raising
 * it again, from a replay of the history or on another node, names the same aggregate and records
 * nothing.
 */
public final class AlertIds {
  private static final Pattern SHAPE = Pattern.compile("alert-[0-9a-f-]{36}");

  private AlertIds() {}

  public static String of(AlertKind kind, String facilityCode, LocalDate day, String subject) {
    String key = "alert:" + kind + ":" + facilityCode + ":" + day + ":" + subject;
    return "alert-" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
  }

  public static String check(String field, String value) {
    if (value == null || !SHAPE.matcher(value).matches()) {
      throw new InvalidField(field, "must be alert- followed by a UUID");
    }
    return value;
  }
}
