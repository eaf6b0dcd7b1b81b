package jp.emergencyaccess.ledger.facility;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.emergencyaccess.ledger.common.InvalidField;

/**
 * Application ids are UUIDs (lower case). With a client id the id is derived from the facility code
 * and the client id, so the same submission sent twice names the same application.
 */
public final class ApplicationIds {
  private static final Pattern UUID_SHAPE =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private ApplicationIds() {}

  public static String check(String field, String value) {
    if (value == null || value.isEmpty()) {
      throw new InvalidField(field, "is required");
    }
    if (!UUID_SHAPE.matcher(value).matches()) {
      throw new InvalidField(field, "must be a lower-case UUID");
    }
    return value;
  }

  public static String checkClientId(String clientId) {
    if (!CLIENT_ID.matcher(clientId).matches()) {
      throw new InvalidField("clientId", "must match [A-Za-z0-9._:-]{1,64}");
    }
    return clientId;
  }

  /** A fresh id, or the one a client id always yields for that facility. */
  public static String forSubmission(String facilityCode, String clientId) {
    if (clientId == null) {
      return UUID.randomUUID().toString();
    }
    checkClientId(clientId);
    String key = "application:" + facilityCode + ":" + clientId;
    return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
