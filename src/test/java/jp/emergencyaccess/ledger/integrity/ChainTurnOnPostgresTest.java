package jp.emergencyaccess.ledger.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import jp.emergencyaccess.ledger.support.HttpTest;
import jp.emergencyaccess.ledger.support.OnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Several chainers on one PostgreSQL, as on several nodes: each step takes the chain's turn, so
 * they never write the same position twice (no step fails on the chain's key) and the chain they
 * build together verifies.
 */
@OnPostgres
class ChainTurnOnPostgresTest extends HttpTest {
  @Autowired StoredEvents events;
  @Autowired ChainTable chain;
  @Autowired CheckpointTable checkpoints;
  @Autowired SigningKey key;
  @Autowired IntegrityProperties properties;
  @Autowired Clock clock;
  @Autowired PlatformTransactionManager transactions;
  @Autowired ChainVerifier verifier;

  private Chainer another() {
    Chainer chainer =
        new Chainer(
            events,
            chain,
            checkpoints,
            key,
            properties,
            clock,
            new TransactionTemplate(transactions));
    chainer.resume();
    return chainer;
  }

  @Test
  void chainersOfSeveralNodes_takeTurns_andTheirChainVerifies() throws Exception {
    List<Chainer> chainers = List.of(another(), another());
    ConcurrentLinkedQueue<RuntimeException> failed = new ConcurrentLinkedQueue<>();
    AtomicBoolean recording = new AtomicBoolean(true);
    List<Thread> threads = new ArrayList<>();
    for (Chainer chainer : chainers) {
      Thread t =
          new Thread(
              () -> {
                while (recording.get() || behind()) {
                  try {
                    chainer.step();
                  } catch (RuntimeException e) {
                    failed.add(e);
                    chainer.resume();
                  }
                }
              });
      t.start();
      threads.add(t);
    }
    for (int i = 0; i < 150; i++) {
      registerNotice("turns", "令和6年能登半島地震 その1");
    }
    recording.set(false);
    for (Thread t : threads) {
      t.join(60_000);
    }

    assertThat(failed).as("steps that failed, e.g. on the chain's primary key").isEmpty();
    Verification verified = verifier.verify(null, null);
    assertThat(verified.firstBroken()).isNull();
    assertThat(verified.ok()).as("unchained %s", verified.unchained()).isTrue();
  }

  private boolean behind() {
    long head = chain.head().map(ChainEntry::position).orElse(0L);
    return head < events.highestPosition();
  }
}
