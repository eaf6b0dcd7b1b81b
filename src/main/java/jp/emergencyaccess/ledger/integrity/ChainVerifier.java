package jp.emergencyaccess.ledger.integrity;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
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
  private static final int CLASSIFIED = 20;

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
    long lo = from != null ? from : Math.min(1, events.lowestPosition().orElse(1));
    long hi = Math.min(to != null ? to : chainHead, chainHead);
    Walk walk = new Walk(lo);
    if (hi >= lo) {
      walk.previous =
          chain
              .before(Math.max(lo, 1))
              .map(e -> ChainHash.unhex(e.hash()))
              .orElse(ChainHash.GENESIS);
      walk.expected = Math.max(lo, 1);
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
    long highest = events.highestPosition();
    List<Verification.Broken> broken = List.copyOf(walk.broken);
    return new Verification(
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
        Math.max(0, highest - chainHead));
  }

  private final class Walk {
    final List<Verification.Broken> broken = new ArrayList<>();
    byte[] previous = ChainHash.GENESIS;
    long expected;
    long checked;
    long gaps;
    int checkpointsChecked;
    Long headPosition;
    int classified;

    Walk(long lo) {
      this.expected = Math.max(lo, 1);
    }

    void page(List<ChainEntry> entries, List<StoredEvent> rows, List<Checkpoint> signed) {
      Iterator<Checkpoint> cps = signed.iterator();
      Checkpoint cp = cps.hasNext() ? cps.next() : null;
      int i = 0;
      int j = 0;
      while (i < entries.size() || j < rows.size()) {
        long ep = i < entries.size() ? entries.get(i).position() : Long.MAX_VALUE;
        long rp = j < rows.size() ? rows.get(j).position() : Long.MAX_VALUE;
        long q = Math.min(ep, rp);
        ChainEntry entry = ep == q ? entries.get(i++) : null;
        StoredEvent row = rp == q ? rows.get(j++) : null;
        if (entry == null) {
          checked++;
          broken(q, "inserted", "an event at a position the chain has no entry for");
          continue;
        }
        if (q > expected) {
          broken(
              expected,
              "chain-altered",
              "no chain entries for positions " + expected + ".." + (q - 1));
        }
        check(entry, row);
        expected = q + 1;
        headPosition = q;
        while (cp != null && cp.position() <= q) {
          if (cp.position() == q) {
            checkpoint(cp);
          }
          cp = cps.hasNext() ? cps.next() : null;
        }
      }
    }

    private void check(ChainEntry entry, StoredEvent row) {
      long q = entry.position();
      byte[] stored = ChainHash.unhex(entry.hash());
      if (entry.kind() == ChainEntry.Kind.GAP) {
        gaps++;
        if (row != null) {
          checked++;
          broken(q, "inserted", "an event at a position recorded as a permanent gap");
          previous = stored;
          return;
        }
        byte[] recomputed = ChainHash.link(previous, q, "", ChainHash.GAP_DIGEST);
        if (!Arrays.equals(recomputed, stored)) {
          broken(q, "chain-altered", "the gap entry's hash does not follow from the chain");
        }
        previous = recomputed;
        return;
      }
      if (row == null) {
        broken(q, "deleted", "the chained event " + entry.eventIdentifier() + " is gone");
        previous = stored;
        return;
      }
      checked++;
      byte[] digest = ChainHash.digest(row);
      byte[] recomputed = ChainHash.link(previous, q, row.payloadType(), digest);
      if (Arrays.equals(recomputed, stored)) {
        previous = recomputed;
        return;
      }
      if (ChainHash.hex(digest).equals(entry.digest())
          && entry.payloadType().equals(row.payloadType())) {
        broken(q, "chain-altered", "the event matches but the chain's hash does not follow");
        previous = recomputed;
        return;
      }
      classify(entry, row);
      previous = stored;
    }

    private void classify(ChainEntry entry, StoredEvent row) {
      if (classified++ < CLASSIFIED) {
        List<Long> elsewhere =
            chain.positionsOf(
                row.eventIdentifier(),
                ChainHash.hex(ChainHash.payloadDigest(row)),
                entry.position());
        if (!elsewhere.isEmpty()) {
          broken(
              entry.position(),
              "reordered",
              "the stored event or its payload is the one chained at position " + elsewhere.get(0));
          return;
        }
      }
      broken(entry.position(), "changed", "the stored event differs from the chained one");
    }

    private void checkpoint(Checkpoint cp) {
      checkpointsChecked++;
      if (publicKey.isPresent() && !cp.verifiesWith(publicKey.get())) {
        broken(cp.position(), "checkpoint-forged", "the checkpoint's signature does not verify");
      } else if (!cp.hash().equals(ChainHash.hex(previous))) {
        broken(
            cp.position(),
            "checkpoint-mismatch",
            "the chain recomputed up to here differs from the signed checkpoint");
      }
    }

    void broken(long position, String problem, String detail) {
      if (broken.size() < Verification.MAX_BROKEN) {
        broken.add(new Verification.Broken(position, problem, detail));
      }
    }
  }
}
