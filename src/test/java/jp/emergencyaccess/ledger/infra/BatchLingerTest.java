package jp.emergencyaccess.ledger.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Test;

/** The linger asks for one pause after a small batch commits, none after a big or failed one. */
class BatchLingerTest {
  private static final Duration LINGER = Duration.ofMillis(50);
  private final List<Duration> pauses = new ArrayList<>();
  private final BatchLinger.Linger linger = new BatchLinger.Linger(LINGER, 3, pauses::add);

  @Test
  void aSmallBatch_pausesOnceAfterItsCommit() throws Exception {
    process(batchOf(2));
    assertThat(pauses).containsExactly(LINGER);
  }

  @Test
  void aBatchOfTheThreshold_doesNotPause() throws Exception {
    process(batchOf(3));
    assertThat(pauses).isEmpty();
  }

  @Test
  void aSmallBatchThatFails_doesNotPause() {
    BatchingUnitOfWork<EventMessage<?>> batch = batchOf(1);
    batch.executeWithResult(
        () -> {
          intercept(batch);
          throw new IllegalStateException("the handler failed");
        });
    assertThat(batch.isRolledBack()).isTrue();
    assertThat(pauses).isEmpty();
  }

  private void process(BatchingUnitOfWork<EventMessage<?>> batch) throws Exception {
    batch.executeWithResult(() -> intercept(batch));
    assertThat(batch.isRolledBack()).isFalse();
  }

  private Object intercept(BatchingUnitOfWork<EventMessage<?>> batch) throws Exception {
    return linger.handle(batch, new DefaultInterceptorChain<>(batch, List.of(), m -> null));
  }

  private static BatchingUnitOfWork<EventMessage<?>> batchOf(int size) {
    return new BatchingUnitOfWork<>(
        IntStream.range(0, size)
            .<EventMessage<?>>mapToObj(i -> GenericEventMessage.asEventMessage("event " + i))
            .toList());
  }
}
