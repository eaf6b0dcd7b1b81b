package jp.emergencyaccess.ledger.history;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import jp.emergencyaccess.ledger.common.InvalidField;

/**
 * Where a page ended: the last row's instant and view id, as opaque URL-safe text. Decoded before
 * the read is recorded, so a cursor the ledger never gave out is refused and leaves no record.
 */
public record PageCursor(long atMs, String viewId) {
  /** The cursor of a page that ends with {@code last}. */
  static PageCursor after(AccessAttempt last) {
    return new PageCursor(last.lookup().at().toEpochMilli(), last.lookup().viewId());
  }

  public String encode() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((atMs + ":" + viewId).getBytes(StandardCharsets.US_ASCII));
  }

  public static PageCursor decode(String cursor) {
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII)
              .split(":", 2);
      if (!parts[1].matches("[0-9a-f-]{36}")) {
        throw new IllegalArgumentException("not a view id");
      }
      return new PageCursor(Long.parseLong(parts[0]), parts[1]);
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      throw new InvalidField("cursor", "is not a cursor this ledger gave out");
    }
  }
}
