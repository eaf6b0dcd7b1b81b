package jp.emergencyaccess.ledger.web;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;

/** When a command happened in the world: the request's {@code at}, or now by the ledger's clock. */
final class RequestTime {
  private RequestTime() {}

  static Instant atOrNow(OffsetDateTime at, Clock clock) {
    return at == null ? clock.instant() : at.toInstant();
  }
}
