package jp.emergencyaccess.ledger.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The chainer's ordering and gap rules, with positions committed out of order by hand. */
class ChainerTest {
  private final MemoryStore store = new MemoryStore();
  private final IntegrityProperties fiveSecondGaps =
      MemoryStore.properties(1000, Duration.ofSeconds(5));

  @Test
  void aStoreThatNumbersFromZero_isChainedFromItsFirstEvent() {
    store.firstPosition = 0;
    Chainer chainer = store.chainer(fiveSecondGaps);
    store.commit(0, 1, 2);
    chainer.step();

    assertThat(store.kinds()).containsExactly("0:EVENT", "1:EVENT", "2:EVENT");
    Verification v = store.verifier().verify(null, null);
    assertThat(v.firstBroken()).isNull();
    assertThat(v.ok()).isTrue();
    assertThat(v.checked()).isEqualTo(3);
  }

  @Test
  void aStoreThatNumbersFromZero_waitsForItsFirstEvent_asForAnyOther() {
    store.firstPosition = 0;
    Chainer chainer = store.chainer(fiveSecondGaps);
    store.commit(1);
    chainer.step();
    assertThat(store.kinds()).isEmpty();

    store.commit(0);
    chainer.step();
    assertThat(store.kinds()).containsExactly("0:EVENT", "1:EVENT");
    assertThat(store.verifier().verify(null, null).ok()).isTrue();
  }

  @Test
  void aHigherPositionWaits_whileALowerOneIsStillInFlight() {
    Chainer chainer = store.chainer(fiveSecondGaps);
    store.commit(1, 3);
    chainer.step();
    store.clock.advance(Duration.ofSeconds(4));
    chainer.step();
    assertThat(store.kinds()).containsExactly("1:EVENT");

    store.commit(2);
    chainer.step();
    assertThat(store.kinds()).containsExactly("1:EVENT", "2:EVENT", "3:EVENT");
    assertThat(store.verifier().verify(null, null).ok()).isTrue();
  }

  @Test
  void aPositionMissingLongerThanTheGapTimeout_isRecordedAsAPermanentGap() {
    Chainer chainer = store.chainer(fiveSecondGaps);
    store.commit(1, 3);
    chainer.step();
    store.clock.advance(Duration.ofSeconds(5));
    chainer.step();

    assertThat(store.kinds()).containsExactly("1:EVENT", "2:GAP", "3:EVENT");
    Verification v = store.verifier().verify(null, null);
    assertThat(v.ok()).isTrue();
    assertThat(v.checked()).isEqualTo(2);
    assertThat(v.gaps()).isEqualTo(1);
  }

  @Test
  void aRunOfMissingPositions_waitsOneTimeoutInAll() {
    Chainer chainer = store.chainer(fiveSecondGaps);
    store.commit(1, 10);
    chainer.step();
    store.clock.advance(Duration.ofSeconds(5));
    chainer.step();

    assertThat(store.kinds())
        .hasSize(10)
        .startsWith("1:EVENT", "2:GAP")
        .endsWith("9:GAP", "10:EVENT");
  }

  @Test
  void aRowFarAboveTheHead_isNotBridgedByAMillionGaps() {
    Chainer chainer = store.chainer(fiveSecondGaps);
    store.commit(1, 2 + Chainer.MAX_GAP_RUN + 1);
    chainer.step();
    store.clock.advance(Duration.ofSeconds(5));
    chainer.step();

    assertThat(store.kinds()).containsExactly("1:EVENT");
  }

  @Test
  void positionsSeenMissingLater_waitTheirOwnTimeout() {
    Chainer chainer = store.chainer(fiveSecondGaps);
    store.commit(1, 3);
    chainer.step();
    store.clock.advance(Duration.ofSeconds(3));
    store.commit(5);
    chainer.step();
    store.clock.advance(Duration.ofSeconds(2));
    chainer.step();
    assertThat(store.kinds()).containsExactly("1:EVENT", "2:GAP", "3:EVENT");

    store.clock.advance(Duration.ofSeconds(3));
    chainer.step();
    assertThat(store.kinds()).containsExactly("1:EVENT", "2:GAP", "3:EVENT", "4:GAP", "5:EVENT");
  }

  @Test
  void aNewChainer_continuesFromTheStoredHead_andTheChainVerifiesAcrossTheBoundary() {
    store.commit(1, 2, 3);
    store.chainer(fiveSecondGaps).step();
    store.commit(4, 5);
    Chainer afterRestart = store.chainer(fiveSecondGaps);
    afterRestart.step();

    assertThat(store.kinds()).hasSize(5);
    Verification v = store.verifier().verify(null, null);
    assertThat(v.ok()).isTrue();
    assertThat(v.checked()).isEqualTo(5);
    assertThat(store.verifier().verify(3L, 4L).ok()).isTrue();
  }

  @Test
  void checkpoints_signTheHeadEveryNPositions() {
    Chainer chainer = store.chainer(MemoryStore.properties(2, Duration.ofSeconds(5)));
    store.commit(1, 2, 3);
    chainer.step();
    store.commit(4, 5);
    chainer.step();

    assertThat(store.checkpoints.range(0, 100, 100))
        .extracting(Checkpoint::position)
        .containsExactly(3L, 5L);
    assertThat(store.checkpoints.range(0, 100, 100))
        .allMatch(c -> c.verifiesWith(store.key.publicKey()))
        .allMatch(c -> c.hash().equals(store.chain.at(c.position()).orElseThrow().hash()));
  }

  @Test
  void checkpoints_signTheHeadAfterTheInterval_whenItMoved() {
    Chainer chainer = store.chainer(MemoryStore.properties(1000, Duration.ofSeconds(5)));
    store.commit(1);
    chainer.step();
    assertThat(store.checkpoints.latest()).isEmpty();
    store.clock.advance(Duration.ofHours(1));
    chainer.step();
    assertThat(store.checkpoints.latest()).get().extracting(Checkpoint::position).isEqualTo(1L);
    store.clock.advance(Duration.ofHours(1));
    assertThat(chainer.step()).isZero();
  }
}
