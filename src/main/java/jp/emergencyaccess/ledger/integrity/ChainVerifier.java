package jp.emergencyaccess.ledger.integrity;

import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Recomputes the chain from the stored events and compares it with the stored chain and the signed
 * checkpoints. A range {@code from..to} starts from the stored hash just before {@code from} (a
 * full verification, or a checkpoint, anchors that one). After a broken position the walk goes on
 * from the stored hash, so that each tampered position is reported on its own.
 */
public class ChainVerifier {
  static final int PAGE = 1000;
  private static final long WAIT_STEP_MILLIS = 100;

  private final StoredEvents events;
  private final ChainTable chain;
  private final CheckpointTable checkpoints;
  private final Optional<PublicKey> publicKey;

  public ChainVerifier(
      StoredEvents events,
      ChainTable chain,
      CheckpointTable checkpoints,
      Optional<PublicKey> publicKey) {
    this.events = events;
    this.chain = chain;
    this.checkpoints = checkpoints;
    this.publicKey = publicKey;
  }

  public Verification verify(Long from, Long to) {
    return verify(from, to, done -> {});
  }

  /** {@code progress} hears the last position done after each page. */
  public Verification verify(Long from, Long to, LongConsumer progress) {
    long chainHead = chain.head().map(ChainEntry::position).orElse(0L);
    long first = events.firstPosition();
    long lo = from != null ? from : Math.min(first, events.lowestPosition().orElse(first));
    long hi = Math.min(to != null ? to : chainHead, chainHead);
    VerificationWalk walk = new VerificationWalk(chain, publicKey, Math.max(lo, first));
    if (hi >= lo) {
      walk.previous =
          chain
              .before(Math.max(lo, first))
              .map(e -> ChainHash.unhex(e.hash()))
              .orElse(ChainHash.GENESIS);
      walk.expected = Math.max(lo, first);
      long p = lo;
      while (p <= hi) {
        List<ChainEntry> entries = chain.range(p, hi, PAGE);
        long end = entries.size() == PAGE ? entries.get(PAGE - 1).position() : hi;
        List<StoredEvent> rows = events.range(p, end, PAGE);
        if (rows.size() == PAGE && rows.get(PAGE - 1).position() < end) {
          end = rows.get(PAGE - 1).position();
          long last = end;
          entries = entries.stream().filter(e -> e.position() <= last).toList();
        }
        walk.page(entries, rows, checkpoints.range(p, end, Integer.MAX_VALUE));
        progress.accept(end);
        p = end + 1;
      }
    }
    if (to == null) {
      checkpoints
          .latest()
          .filter(c -> c.position() > chainHead)
          .ifPresent(
              c ->
                  walk.broken(
                      chainHead + 1,
                      "deleted",
                      "a signed checkpoint covers position "
                          + c.position()
                          + " but the chain ends at "
                          + chainHead));
    }
    long end = to != null ? Math.min(to, events.highestPosition()) : events.highestPosition();
    long chainedUpTo = Math.max(chainHead, lo - 1);
    long unchained = end > chainedUpTo ? events.countBetween(chainedUpTo, end) : 0;
    List<Verification.Broken> broken = List.copyOf(walk.broken);
    return new Verification(
        broken.isEmpty() && unchained == 0,
        broken.isEmpty(),
        lo,
        Math.max(hi, lo - 1),
        walk.checked,
        walk.gaps,
        walk.headPosition == null
            ? null
            : new Verification.Head(walk.headPosition, ChainHash.hex(walk.previous)),
        broken.isEmpty() ? null : broken.get(0),
        broken,
        walk.checkpointsChecked,
        publicKey.isPresent(),
        unchained);
  }

  /**
   * Waits, at most {@code limit}, until the chain reaches {@code to} or else the store's head at
   * the time of the call: the events appended before a verification was asked for are then in it.
   * Returns whether it did; a stopped chainer (the ledger not running) never does.
   */
  public boolean awaitChained(Long to, Duration limit) {
    long target = to != null ? Math.min(to, events.highestPosition()) : events.highestPosition();
    long deadline = System.nanoTime() + limit.toNanos();
    while (chain.head().map(ChainEntry::position).orElse(0L) < target) {
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      try {
        Thread.sleep(WAIT_STEP_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }
}
