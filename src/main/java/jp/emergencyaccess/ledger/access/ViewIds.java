package jp.emergencyaccess.ledger.access;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import jp.emergencyaccess.ledger.consent.ConsentIds;

/**
 * A view's id is derived from its facility and the client's {@code requestId}, so the same request
 * sent again (or sent by eight threads at once) addresses the same view aggregate and is decided
 * once. Without a requestId the view gets a random id and is not idempotent.
 */
public final class ViewIds {
  private ViewIds() {}

  public static String derive(String facilityCode, String requestId) {
    if (requestId == null) {
      return UUID.randomUUID().toString();
    }
    ConsentIds.checkRequestId(requestId);
    String name = "view|" + facilityCode + "|" + requestId;
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
