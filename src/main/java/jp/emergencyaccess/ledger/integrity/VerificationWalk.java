package jp.emergencyaccess.ledger.integrity;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * One verification's walk over the positions in order: recomputes each link from the stored event
 * and the previous hash, compares it with the stored chain and the signed checkpoints, and keeps
 * what is broken. After a broken event it goes on from the stored hash (so each tampered position
 * is reported alone); after a broken chain entry, from the recomputed one.
 */
final class VerificationWalk {
  private static final int CLASSIFIED = 20;
  private final ChainTable chain;
  private final Optional<PublicKey> publicKey;
  final List<Verification.Broken> broken = new ArrayList<>();
  byte[] previous = ChainHash.GENESIS;
  long expected;
  long checked;
  long gaps;
  int checkpointsChecked;
  Long headPosition;
  int classified;

  /**
   * @param first the first position the chain holds an entry for (the store's first position, or
   *     the start of the range asked for)
   */
  VerificationWalk(ChainTable chain, Optional<PublicKey> publicKey, long first) {
    this.chain = chain;
    this.publicKey = publicKey;
    this.expected = first;
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
              row.eventIdentifier(), ChainHash.hex(ChainHash.payloadDigest(row)), entry.position());
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
