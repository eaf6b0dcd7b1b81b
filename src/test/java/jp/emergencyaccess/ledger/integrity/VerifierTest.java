package jp.emergencyaccess.ledger.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What verification reports for each kind of tampering, on an in-memory store. */
class VerifierTest {
  private final MemoryStore store = new MemoryStore();

  @BeforeEach
  void chainTenEventsAndAGap() {
    Chainer chainer = store.chainer(MemoryStore.properties(4, Duration.ofSeconds(5)));
    store.commit(1, 2, 3, 4, 5, 7, 8, 9, 10, 11);
    chainer.step();
    store.clock.advance(Duration.ofSeconds(5));
    chainer.step();
    assertThat(store.kinds()).contains("6:GAP").hasSize(11);
  }

  private Verification verify() {
    return store.verifier().verify(null, null);
  }

  @Test
  void anUntouchedStore_isOk() {
    Verification v = verify();
    assertThat(v.ok()).isTrue();
    assertThat(v.firstBroken()).isNull();
    assertThat(v.checked()).isEqualTo(10);
    assertThat(v.head().position()).isEqualTo(11);
    assertThat(v.head().hash()).isEqualTo(store.chain.head().orElseThrow().hash());
    assertThat(v.checkpointsChecked()).isPositive();
  }

  @Test
  void eventsAfterTheChainsHead_areCountedAsUnchained_andTheAnswerIsNotOk() {
    store.commit(12, 13);
    Verification v = verify();
    assertThat(v.intact()).isTrue();
    assertThat(v.unchained()).isEqualTo(2);
    assertThat(v.ok()).isFalse();

    Verification chainedPart = store.verifier().verify(null, 11L);
    assertThat(chainedPart.ok()).isTrue();
    assertThat(chainedPart.unchained()).isZero();
    assertThat(store.verifier().verify(null, 12L).unchained()).isEqualTo(1);
  }

  @Test
  void aChangedPayload_isChangedAtItsPosition() {
    store.events.put(4L, Events.withPayload(store.events.get(4L), "{\"noticeId\":\"x\"}"));
    Verification v = verify();
    assertThat(v.ok()).isFalse();
    assertThat(v.firstBroken().position()).isEqualTo(4);
    assertThat(v.firstBroken().problem()).isEqualTo("changed");
    assertThat(v.broken()).hasSize(1);
  }

  @Test
  void aDeletedEvent_isDeletedAtItsPosition() {
    store.events.remove(8L);
    assertThat(verify().broken())
        .containsExactly(
            new Verification.Broken(8, "deleted", "the chained event event-8 is gone"));
  }

  @Test
  void anEventAtAGap_orBelowTheChain_isInserted() {
    store.commit(6, 0);
    assertThat(verify().broken())
        .extracting(Verification.Broken::position, Verification.Broken::problem)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(0L, "inserted"),
            org.assertj.core.groups.Tuple.tuple(6L, "inserted"));
  }

  @Test
  void swappedPayloads_areReorderedAtBothPositions() {
    StoredEvent three = store.events.get(3L);
    StoredEvent nine = store.events.get(9L);
    store.events.put(3L, Events.withPayload(three, new String(nine.payload())));
    store.events.put(9L, Events.withPayload(nine, new String(three.payload())));

    assertThat(verify().broken())
        .extracting(Verification.Broken::position, Verification.Broken::problem)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3L, "reordered"),
            org.assertj.core.groups.Tuple.tuple(9L, "reordered"));
  }

  @Test
  void aRewrittenChain_withoutTheKey_disagreesWithTheSignedCheckpoint() {
    store.events.put(2L, Events.withPayload(store.events.get(2L), "{\"noticeId\":\"forged\"}"));
    store.jdbc.update("delete from integrity_chain where position >= 2");
    Chainer forger = store.chainer(MemoryStore.properties(1_000_000, Duration.ofSeconds(5)));
    forger.step();
    store.clock.advance(Duration.ofSeconds(5));
    forger.step();

    Verification v = verify();
    assertThat(v.ok()).isFalse();
    assertThat(v.firstBroken().problem()).isEqualTo("checkpoint-mismatch");
    assertThat(v.firstBroken().position()).isEqualTo(5);
  }

  @Test
  void anEditedCheckpoint_isForged() {
    store.jdbc.update(
        "update integrity_checkpoint set hash = ? where position = 5", "00".repeat(32));
    assertThat(verify().firstBroken())
        .extracting(Verification.Broken::position, Verification.Broken::problem)
        .containsExactly(5L, "checkpoint-forged");
  }

  @Test
  void anEditedChainHash_isChainAltered_andOnlyThere() {
    store.jdbc.update("update integrity_chain set hash = ? where position = 5", "11".repeat(32));
    assertThat(verify().broken())
        .extracting(Verification.Broken::position, Verification.Broken::problem)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(5L, "chain-altered"));
  }

  @Test
  void aBoundedRange_checksOnlyItsPositions() {
    store.events.remove(2L);
    Verification v = store.verifier().verify(5L, 9L);
    assertThat(v.ok()).isTrue();
    assertThat(v.checked()).isEqualTo(4);
    assertThat(v.gaps()).isEqualTo(1);
    assertThat(v.head().position()).isEqualTo(9);
  }

  @Test
  void aTruncatedChainHead_isCaughtByTheLastCheckpoint() {
    store.events.remove(11L);
    store.events.remove(10L);
    store.jdbc.update("delete from integrity_chain where position >= 9");
    store.events.remove(9L);
    assertThat(verify().firstBroken())
        .extracting(Verification.Broken::position, Verification.Broken::problem)
        .containsExactly(9L, "deleted");
  }
}
