package jp.emergencyaccess.ledger.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class GapPolicyTest {
  private final InFlightAppends appends = new InFlightAppends(SimpleEventBus.builder().build());
  private final JdbcTemplate jdbc = mock(JdbcTemplate.class);
  private final AtomicLong now = new AtomicLong();
  private final GapPolicy gaps = new GapPolicy(appends, jdbc, 1_000, now::get);

  private void storeHolds(Long lowest) {
    when(jdbc.queryForList(anyString(), eq(Long.class), any(), any()))
        .thenReturn(Arrays.asList(lowest));
  }

  @Test
  void aGapHeldByAnOpenUnitOfWork_isWaitedFor_andLostOnceItRolledBack() {
    DefaultUnitOfWork<?> command = DefaultUnitOfWork.startAndGet(null);
    appends.ticketFor(java.util.List.of(GenericEventMessage.asEventMessage("e")));
    storeHolds(null);

    assertThat(gaps.lostFrom(5, 6)).isZero();
    verify(jdbc, never()).queryForList(anyString(), eq(Long.class), any(), any());

    command.rollback();
    assertThat(appends.inFlight()).isZero();
    assertThat(gaps.lostFrom(5, 6)).isEqualTo(1);
  }

  @Test
  void aGapThatCommitted_isWaitedFor_untilTheStreamDeliversIt() {
    storeHolds(5L);
    assertThat(gaps.lostFrom(5, 7)).isZero();
  }

  @Test
  void theLostPositionsBelowACommittedOne_arePassed() {
    storeHolds(7L);
    assertThat(gaps.lostFrom(5, 9)).isEqualTo(2);
  }

  @Test
  void aGapNoLocalUnitOfWorkExplains_isGivenUpAfterTheTimeout() {
    DefaultUnitOfWork<?> stuck = DefaultUnitOfWork.startAndGet(null);
    appends.ticketFor(java.util.List.of(GenericEventMessage.asEventMessage("e")));
    assertThat(gaps.lostFrom(5, 6)).isZero();
    now.addAndGet(1_001);
    assertThat(gaps.lostFrom(5, 6)).isEqualTo(1);
    stuck.rollback();
  }

  @Test
  void positionsHandedOutAfterTheGapWasSeen_areNotJudgedByItsSettlement() {
    storeHolds(null);
    assertThat(gaps.lostFrom(5, 6)).isEqualTo(1);
    // A later caller asks about more: only what was visible at the first sight is decided.
    assertThat(gaps.lostFrom(5, 9)).isEqualTo(1);
  }

  @Test
  void theStoreIsAskedOncePerGap_howeverManySubscribersAsk() {
    storeHolds(null);
    for (int i = 0; i < 50; i++) {
      gaps.lostFrom(5, 6);
    }
    verify(jdbc, org.mockito.Mockito.times(1))
        .queryForList(anyString(), eq(Long.class), any(), any());
  }
}
