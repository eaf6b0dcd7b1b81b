package jp.emergencyaccess.ledger.integrity;

import java.nio.charset.StandardCharsets;

/** Stored events for tests that need no Axon. */
final class Events {
  private Events() {}

  static StoredEvent notice(long position, String noticeId) {
    return new StoredEvent(
        position,
        "event-" + position,
        noticeId,
        0,
        "Notice",
        "2024-02-20T01:15:00.000Z",
        "jp.emergencyaccess.ledger.notice.NoticeRegistered",
        "1",
        ("{\"noticeId\":\"" + noticeId + "\",\"title\":\"notice " + position + "\"}")
            .getBytes(StandardCharsets.UTF_8),
        "{\"traceId\":\"t-1\"}".getBytes(StandardCharsets.UTF_8));
  }

  static StoredEvent withPayload(StoredEvent e, String payload) {
    return new StoredEvent(
        e.position(),
        e.eventIdentifier(),
        e.aggregateIdentifier(),
        e.sequenceNumber(),
        e.aggregateType(),
        e.timestamp(),
        e.payloadType(),
        e.payloadRevision(),
        payload.getBytes(StandardCharsets.UTF_8),
        e.metadata());
  }
}
