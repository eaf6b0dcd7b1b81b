package jp.emergencyaccess.ledger.infra;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.common.IdentifierFactory;

/**
 * Axon's message identifiers (every event's {@code eventidentifier}, a unique column of the event
 * store) as UUIDs of version 7: the Unix time in milliseconds, then 74 random bits. Identifiers
 * made together sort together, so the store's unique index on them takes new rows at its end, where
 * random (version 4) UUIDs dirtied a page of it anywhere for every event (docs/overrides.md). Axon
 * finds this factory through {@code META-INF/services}.
 */
public class TimeOrderedIdentifiers extends IdentifierFactory {
  @Override
  public String generateIdentifier() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long millis = System.currentTimeMillis();
    long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
    long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(high, low).toString();
  }
}
