package jp.emergencyaccess.ledger.integrity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one writer of the chain: follows the store in position order and appends an entry for
 * position p only when every lower position is chained, either as its event or as a permanent gap
 * (missing for longer than the gap timeout). Concurrent transactions may commit positions out of
 * order; waiting on the lowest missing one keeps the chain in position order without reordering.
 * Several processes may run it on one database: each step takes the chain's turn first (one process
 * at a time, {@link ChainTable#takeTurn}) and goes on from the stored head, so the nodes of a
 * cluster take over from one another without coordination of their own.
 */
public class Chainer implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(Chainer.class);

  /**
   * No identity column skips this many positions: a row this far above the head was inserted with
   * an explicit position. The chainer stops there (and says so) rather than write a million gaps.
   */
  static final long MAX_GAP_RUN = 1_000_000;

  private final StoredEvents events;
  private final ChainTable chain;
  private final CheckpointTable checkpoints;
  private final SigningKey key;
  private final IntegrityProperties properties;
  private final Clock clock;
  private final TransactionTemplate transaction;

  private volatile boolean running;
  private Thread thread;

  private long next;
  private byte[] headHash;
  private Checkpoint lastCheckpoint;
  private Instant lastSignedAt;
  private GapWatch gaps;
  private long refused;

  public Chainer(
      StoredEvents events,
      ChainTable chain,
      CheckpointTable checkpoints,
      SigningKey key,
      IntegrityProperties properties,
      Clock clock,
      TransactionTemplate transaction) {
    this.events = events;
    this.chain = chain;
    this.checkpoints = checkpoints;
    this.key = key;
    this.properties = properties;
    this.clock = clock;
    this.transaction = transaction;
  }

  @Override
  public synchronized void start() {
    if (running || !properties.enabled()) {
      return;
    }
    running = true;
    thread = new Thread(this::follow, "integrity-chainer");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Lets the current step finish instead of interrupting it: an interrupt during file I/O can close
   * H2's file channel under every other connection.
   */
  @Override
  public synchronized void stop() {
    running = false;
    if (thread != null) {
      try {
        thread.join(Duration.ofSeconds(30).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      thread = null;
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** After the event processors: the chain follows what they commit. */
  @Override
  public int getPhase() {
    return Integer.MAX_VALUE - 100;
  }

  private void follow() {
    resume();
    while (running) {
      try {
        if (step() == 0) {
          Thread.sleep(properties.pollInterval().toMillis());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        LOG.warn("the integrity chainer failed a step; it resumes from the stored head", e);
        try {
          Thread.sleep(1000);
          if (!running) {
            return; // stopping: do not wait for a connection the closing pool may never give
          }
          resume();
        } catch (InterruptedException stopped) {
          Thread.currentThread().interrupt();
          return;
        } catch (RuntimeException again) {
          LOG.warn("the integrity chainer could not read its head", again);
        }
      }
    }
  }

  /** Everything the chainer knows comes from the tables: a restart continues where it stopped. */
  void resume() {
    Optional<ChainEntry> head = chain.head();
    next = head.map(h -> h.position() + 1).orElse(events.firstPosition());
    headHash = head.map(h -> ChainHash.unhex(h.hash())).orElse(ChainHash.GENESIS);
    lastCheckpoint = checkpoints.latest().orElse(null);
    if (lastCheckpoint != null && !lastCheckpoint.keyId().equals(key.keyId())) {
      LOG.warn(
          "the signing key changed (checkpoints were signed by key {}, this process signs with {}):"
              + " earlier checkpoints will not verify with the published key",
          lastCheckpoint.keyId(),
          key.keyId());
    }
    lastSignedAt = lastCheckpoint != null ? lastCheckpoint.signedAt() : clock.instant();
    gaps = new GapWatch();
  }

  /**
   * One batch in one transaction: chain what can be chained, sign when due. Returns how many rows
   * it wrote; 0 also when another process holds the turn ({@link ChainTable#takeTurn}), which then
   * chains instead.
   */
  int step() {
    Integer written = transaction.execute(status -> chainStep(clock.instant()));
    return written == null ? 0 : written;
  }

  private int chainStep(Instant now) {
    if (!chain.takeTurn()) {
      return 0;
    }
    catchUpWithOtherProcesses();
    int max = Math.max(1, properties.batchSize());
    List<StoredEvent> rows = events.range(next, Long.MAX_VALUE, max);
    if (!rows.isEmpty()) {
      gaps.missingBelow(rows.get(rows.size() - 1).position(), now);
    }
    List<ChainEntry> entries = new ArrayList<>();
    long cursor = next;
    byte[] previous = headHash;
    rows:
    for (StoredEvent row : rows) {
      if (row.position() - cursor > MAX_GAP_RUN) {
        if (row.position() == refused) {
          break;
        }
        refused = row.position();
        LOG.error(
            "position {} is {} positions above the chain's next position {}: inserted with an"
                + " explicit position? The chain stops here until it is removed",
            row.position(),
            row.position() - cursor,
            cursor);
        break;
      }
      while (cursor < row.position()) {
        if (entries.size() >= max || !gaps.permanent(cursor, now, properties.gapTimeout())) {
          break rows;
        }
        ChainEntry gap = ChainEntry.gap(cursor, previous, now);
        LOG.info(
            "position {} stayed empty for {}: chained as a permanent gap",
            cursor,
            properties.gapTimeout());
        entries.add(gap);
        previous = ChainHash.unhex(gap.hash());
        cursor++;
      }
      ChainEntry entry = ChainEntry.event(row, previous, now);
      entries.add(entry);
      previous = ChainHash.unhex(entry.hash());
      cursor++;
    }
    Checkpoint checkpoint =
        due(cursor - 1, now)
            ? Checkpoint.sign(cursor - 1, ChainHash.hex(previous), now, key)
            : null;
    if (entries.isEmpty() && checkpoint == null) {
      return 0;
    }
    if (!entries.isEmpty()) {
      chain.append(entries);
    }
    if (checkpoint != null) {
      checkpoints.insert(checkpoint);
    }
    next = cursor;
    headHash = previous;
    if (checkpoint != null) {
      lastCheckpoint = checkpoint;
      lastSignedAt = checkpoint.signedAt();
    }
    return entries.size() + (checkpoint == null ? 0 : 1);
  }

  /**
   * Another process may have chained since this one's last turn: then this one goes on from the
   * stored head, not from what it remembers.
   */
  private void catchUpWithOtherProcesses() {
    long storedNext = chain.head().map(h -> h.position() + 1).orElse(events.firstPosition());
    if (storedNext != next) {
      GapWatch watched = gaps;
      resume();
      gaps = watched;
    }
  }

  /** Whether to sign now; another node may have signed since this one did, and that counts. */
  private boolean due(long head, Instant now) {
    if (!dueSince(lastCheckpoint, lastSignedAt, head, now)) {
      return false;
    }
    Checkpoint stored = checkpoints.latest().orElse(null);
    if (stored != null
        && (lastCheckpoint == null || stored.position() > lastCheckpoint.position())) {
      lastCheckpoint = stored;
      lastSignedAt = stored.signedAt();
    }
    return dueSince(lastCheckpoint, lastSignedAt, head, now);
  }

  private boolean dueSince(Checkpoint last, Instant signedAt, long head, Instant now) {
    long signed = last == null ? 0 : last.position();
    if (head < 1 || head <= signed) {
      return false;
    }
    return head - signed >= properties.checkpointEveryEvents()
        || !Duration.between(signedAt, now).minus(properties.checkpointEvery()).isNegative();
  }
}
