package jp.emergencyaccess.ledger.patientreport;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import jp.emergencyaccess.ledger.common.InvalidField;

/**
 * Where a report's page ended: the recorded request it continues ({@code reportId}), the access
 * history's own cursor after the last row ({@code after}) and the page size. Opaque URL-safe text
 * that names no patient, so it may stand in a link.
 */
public record ReportCursor(String reportId, String after, int limit) {
  public String encode() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((reportId + "~" + after + "~" + limit).getBytes(StandardCharsets.US_ASCII));
  }

  public static ReportCursor decode(String field, String cursor) {
    try {
      String[] parts =
          new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII)
              .split("~", -1);
      if (parts.length != 3
          || !parts[0].matches("[0-9a-f-]{36}")
          || !parts[1].matches("[A-Za-z0-9_-]{1,200}")) {
        throw new IllegalArgumentException("not a report cursor");
      }
      return new ReportCursor(parts[0], parts[1], Integer.parseInt(parts[2]));
    } catch (IllegalArgumentException e) {
      throw new InvalidField(field, "is not a cursor this ledger gave out");
    }
  }
}
