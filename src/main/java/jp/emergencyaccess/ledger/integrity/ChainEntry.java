package jp.emergencyaccess.ledger.integrity;

import java.time.Instant;

/**
 * The chain at one global position: an event (its type, identifier and digests) or a permanent gap
 * (no event was ever committed there). Digests and hashes are hex.
 */
public record ChainEntry(
    long position,
    Kind kind,
    String eventIdentifier,
    String payloadType,
    String digest,
    String payloadDigest,
    String hash,
    Instant chainedAt) {

  public enum Kind {
    EVENT,
    GAP
  }

  /** The type that goes into the hash: the payload type, or "" for a gap. */
  public String hashedType() {
    return kind == Kind.GAP ? "" : payloadType;
  }

  static ChainEntry event(StoredEvent e, byte[] previous, Instant now) {
    byte[] digest = ChainHash.digest(e);
    byte[] hash = ChainHash.link(previous, e.position(), e.payloadType(), digest);
    return new ChainEntry(
        e.position(),
        Kind.EVENT,
        e.eventIdentifier(),
        e.payloadType(),
        ChainHash.hex(digest),
        ChainHash.hex(ChainHash.payloadDigest(e)),
        ChainHash.hex(hash),
        now);
  }

  static ChainEntry gap(long position, byte[] previous, Instant now) {
    byte[] hash = ChainHash.link(previous, position, "", ChainHash.GAP_DIGEST);
    return new ChainEntry(
        position,
        Kind.GAP,
        null,
        null,
        ChainHash.hex(ChainHash.GAP_DIGEST),
        null,
        ChainHash.hex(hash),
        now);
  }
}
