package jp.emergencyaccess.ledger.monitoring;

/**
 * One event as the stream sends it: its position, its type's simple name, the JSON {@code data} of
 * SPEC §7 and the envelope fields the filters look at (null when the event has none).
 */
public record Envelope(
    long position,
    String type,
    String json,
    String regionCode,
    String facilityCode,
    String municipalityCode) {}
