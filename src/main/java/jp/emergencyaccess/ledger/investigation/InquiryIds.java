package jp.emergencyaccess.ledger.investigation;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.emergencyaccess.ledger.common.InvalidField;

/**
 * Inquiry ids are {@code inq-} and a UUID: random for a new inquiry, or derived from the caller's
 * client id, so that sending the same open request twice opens one inquiry.
 */
public final class InquiryIds {
  private static final Pattern SHAPE = Pattern.compile("inq-[0-9a-f-]{36}");
  private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

  private InquiryIds() {}

  public static String random() {
    return "inq-" + UUID.randomUUID();
  }

  public static String forClientId(String clientId) {
    return "inq-"
        + UUID.nameUUIDFromBytes(("inquiry:" + clientId).getBytes(StandardCharsets.UTF_8));
  }

  public static String check(String field, String value) {
    if (value == null || value.isEmpty()) {
      throw new InvalidField(field, "is required");
    }
    if (!SHAPE.matcher(value).matches()) {
      throw new InvalidField(field, "must be inq- followed by a UUID");
    }
    return value;
  }

  public static String checkClientId(String value) {
    if (value != null && !CLIENT_ID.matcher(value).matches()) {
      throw new InvalidField("clientId", "must match [A-Za-z0-9._:-]{1,64}");
    }
    return value;
  }
}
