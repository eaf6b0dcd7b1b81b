package jp.emergencyaccess.ledger.consent;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import jp.emergencyaccess.ledger.common.InvalidField;

/**
 * Consent ids are UUIDs. A client that sends a {@code requestId} gets an id derived from it and its
 * facility, so sending the same request twice records one consent.
 */
public final class ConsentIds {
  private static final String REQUEST_ID = "[A-Za-z0-9._:-]{1,64}";

  private ConsentIds() {}

  public static String derive(String facilityCode, String requestId) {
    if (requestId == null) {
      return UUID.randomUUID().toString();
    }
    checkRequestId(requestId);
    String name = "consent|" + facilityCode + "|" + requestId;
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }

  public static String check(String field, String consentId) {
    if (consentId == null || consentId.isEmpty()) {
      throw new InvalidField(field, "is required");
    }
    try {
      if (!UUID.fromString(consentId).toString().equals(consentId)) {
        throw new IllegalArgumentException();
      }
    } catch (IllegalArgumentException e) {
      throw new InvalidField(field, "must be a consent id (a lower-case UUID)");
    }
    return consentId;
  }

  /** A client's request id: 1–64 letters, digits, '.', '_', ':' or '-'. */
  public static String checkRequestId(String requestId) {
    if (requestId != null && !requestId.matches(REQUEST_ID)) {
      throw new InvalidField("requestId", "must be 1–64 letters, digits, '.', '_', ':' or '-'");
    }
    return requestId;
  }
}
