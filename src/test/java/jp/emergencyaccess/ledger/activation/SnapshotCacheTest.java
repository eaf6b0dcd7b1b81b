package jp.emergencyaccess.ledger.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SnapshotCacheTest {
  private final SnapshotCache cache = new SnapshotCache();
  private final List<ActivationChange> table = new ArrayList<>();
  private final AtomicInteger reads = new AtomicInteger();

  private List<ActivationChange> read() {
    reads.incrementAndGet();
    return List.copyOf(table);
  }

  private static ActivationChange change(long seq, String subject) {
    return new ActivationChange(
        seq,
        ActivationChange.Kind.FACILITY,
        subject,
        ActivationChange.Change.ACTIVATED,
        LocalDate.of(2024, 2, 15),
        LocalDate.of(2024, 3, 15),
        null,
        null,
        null,
        null,
        null,
        "a",
        Instant.EPOCH,
        Instant.EPOCH);
  }

  @Test
  void theTableIsReadOnce_untilSomethingIsWritten() {
    table.add(change(1, "1640110019"));
    cache.get(this::read);
    cache.get(this::read);
    assertThat(reads).hasValue(1);

    table.add(change(2, "1740210024"));
    cache.written();
    ActivationSnapshot after = cache.get(this::read);
    assertThat(reads).hasValue(2);
    assertThat(after.of(ActivationChange.Kind.FACILITY, "1740210024")).hasSize(1);
  }

  @Test
  void whatWasReadWhileAWriteHappened_isNotKept() {
    cache.get(
        () -> {
          List<ActivationChange> stale = read();
          cache.written();
          return stale;
        });
    table.add(change(1, "1640110019"));
    ActivationSnapshot fresh = cache.get(this::read);
    assertThat(fresh.all()).hasSize(1);
  }
}
