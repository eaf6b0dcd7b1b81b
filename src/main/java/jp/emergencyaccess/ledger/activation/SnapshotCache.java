package jp.emergencyaccess.ledger.activation;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The activation history held in memory, so that every access decision does not read the table.
 *
 * <p>Each write bumps a generation, once when the row is written and once more when its transaction
 * completes; a snapshot is kept only if no generation passed while it was read. So a reader that
 * read just before a commit never keeps what it read. The cache is per process: the ledger's
 * writers run in this process (subscribing processors), as the embedded and postgres modes do; a
 * second node writing the same tables would need another invalidation signal.
 */
final class SnapshotCache {
  private record Entry(long generation, ActivationSnapshot snapshot) {}

  private final AtomicLong generation = new AtomicLong();
  private volatile Entry entry;

  ActivationSnapshot get(Supplier<List<ActivationChange>> load) {
    long before = generation.get();
    Entry current = entry;
    if (current != null && current.generation() == before) {
      return current.snapshot();
    }
    ActivationSnapshot loaded = ActivationSnapshot.of(load.get());
    synchronized (this) {
      if (generation.get() == before) {
        entry = new Entry(before, loaded);
      }
    }
    return loaded;
  }

  /** A row was written: forget now, and again when its transaction ends (commit or rollback). */
  void written() {
    generation.incrementAndGet();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              generation.incrementAndGet();
            }
          });
    }
  }
}
