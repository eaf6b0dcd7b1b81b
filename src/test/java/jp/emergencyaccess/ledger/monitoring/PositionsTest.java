package jp.emergencyaccess.ledger.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.junit.jupiter.api.Test;

class PositionsTest {
  private static TrackedEventMessage<?> at(TrackingToken token) {
    return new GenericTrackedEventMessage<>(token, GenericEventMessage.asEventMessage("e"));
  }

  private static long unknown(String eventId) {
    throw new AssertionError("the store should not be asked");
  }

  @Test
  void anEventThatAdvancesTheToken_isAtTheTokensIndex() {
    var before = GapAwareTrackingToken.newInstance(10, Set.of());
    var after = GapAwareTrackingToken.newInstance(12, Set.of(11L));
    assertThat(Positions.of(at(after), before, PositionsTest::unknown)).isEqualTo(12);
  }

  @Test
  void aLateCommit_isAtTheGapItFilled() {
    var before = GapAwareTrackingToken.newInstance(12, Set.of(9L, 11L));
    var after = GapAwareTrackingToken.newInstance(12, Set.of(9L));
    assertThat(Positions.of(at(after), before, PositionsTest::unknown)).isEqualTo(11);
  }

  @Test
  void whenTheGapsDoNotTell_theStoreIsAsked() {
    var before = GapAwareTrackingToken.newInstance(12, Set.of(9L, 11L));
    var after = GapAwareTrackingToken.newInstance(12, Set.of());
    assertThat(Positions.of(at(after), before, id -> 9L)).isEqualTo(9);
  }

  @Test
  void axonServerPositions_areTheGlobalSequence() {
    var before = new GlobalSequenceTrackingToken(4);
    assertThat(Positions.of(at(new GlobalSequenceTrackingToken(5)), before, PositionsTest::unknown))
        .isEqualTo(5);
  }
}
