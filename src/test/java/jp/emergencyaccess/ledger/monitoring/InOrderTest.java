package jp.emergencyaccess.ledger.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InOrderTest {
  private static final InOrder.Gaps NEVER_LOST = (from, until) -> 0;
  private static final InOrder.Gaps ALL_LOST = (from, until) -> until - from;

  private static List<String> offerAndRelease(
      InOrder<String> order, InOrder.Gaps gaps, long... positions) {
    List<String> out = new ArrayList<>();
    for (long p : positions) {
      order.offer(p, "e" + p);
      out.addAll(order.release(gaps));
    }
    return out;
  }

  @Test
  void aLowerPositionThatCommitsLate_isSentBeforeTheHigherOnesThatWaitedForIt() {
    InOrder<String> order = new InOrder<>(10);
    assertThat(offerAndRelease(order, NEVER_LOST, 11, 13, 14)).containsExactly("e11");
    assertThat(order.held()).isEqualTo(2);
    assertThat(offerAndRelease(order, NEVER_LOST, 12)).containsExactly("e12", "e13", "e14");
    assertThat(order.cursor()).isEqualTo(14);
  }

  @Test
  void aPositionThatNeverCommits_isPassedOnceTheGapsSayItIsLost() {
    InOrder<String> order = new InOrder<>(0);
    assertThat(offerAndRelease(order, NEVER_LOST, 1, 3)).containsExactly("e1");
    assertThat(order.release(ALL_LOST)).containsExactly("e3");
    assertThat(order.cursor()).isEqualTo(3);
  }

  @Test
  void onlyTheLostPartOfAGapIsPassed() {
    InOrder<String> order = new InOrder<>(0);
    order.offer(5, "e5");
    // 1 and 2 are lost, 3 committed and is still on its way.
    assertThat(order.release((from, until) -> from < 3 ? 3 - from : 0)).isEmpty();
    assertThat(order.cursor()).isEqualTo(2);
    assertThat(offerAndRelease(order, (from, until) -> 0, 3)).containsExactly("e3");
    assertThat(order.release(ALL_LOST)).containsExactly("e5");
  }

  @Test
  void repeatsAndEventsAtOrBelowTheCursor_areRefused() {
    InOrder<String> order = new InOrder<>(7);
    assertThat(order.offer(7, "again")).isFalse();
    assertThat(order.offer(3, "late")).isFalse();
    assertThat(order.offer(9, "e9")).isTrue();
    assertThat(order.offer(9, "e9 again")).isFalse();
    assertThat(order.release(ALL_LOST)).containsExactly("e9");
  }
}
