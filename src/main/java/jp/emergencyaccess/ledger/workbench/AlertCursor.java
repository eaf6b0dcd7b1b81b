package jp.emergencyaccess.ledger.workbench;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import jp.emergencyaccess.ledger.common.InvalidField;

/**
 * Where a page of the alert queue ends: the last alert's risk and id, as the opaque {@code next}
 * text. Parsed before the read is recorded, so a cursor the ledger never gave out is refused and
 * leaves no record.
 */
public record AlertCursor(long risk, String alertId) {

  public static AlertCursor parse(String text) {
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII).split(":", 2);
      AlertIds.check("cursor", parts[1]);
      return new AlertCursor(Long.parseLong(parts[0]), parts[1]);
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      throw new InvalidField("cursor", "is not a cursor this ledger gave out");
    }
  }

  public String text() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((risk + ":" + alertId).getBytes(StandardCharsets.US_ASCII));
  }
}
