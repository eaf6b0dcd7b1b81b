package jp.emergencyaccess.ledger.integrity;

/**
 * One event as the store holds it, at its global position: what the chain covers. {@code timestamp}
 * is the store's text (ISO-8601) or, from a stream, the message's instant rendered so.
 */
public record StoredEvent(
    long position,
    String eventIdentifier,
    String aggregateIdentifier,
    long sequenceNumber,
    String aggregateType,
    String timestamp,
    String payloadType,
    String payloadRevision,
    byte[] payload,
    byte[] metadata) {}
