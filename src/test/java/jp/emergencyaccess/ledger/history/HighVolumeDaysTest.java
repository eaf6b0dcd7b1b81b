package jp.emergencyaccess.ledger.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HighVolumeDaysTest {
  private static final FlagThresholds.HighVolume THREE_TIMES_OR_100 =
      new FlagThresholds.HighVolume(3, 100);

  private static Map<LocalDate, Long> days(long... counts) {
    Map<LocalDate, Long> days = new LinkedHashMap<>();
    for (int i = 0; i < counts.length; i++) {
      days.put(LocalDate.of(2024, 2, 1 + i), counts[i]);
    }
    return days;
  }

  @Test
  void aDayOfMoreThanThreeTimesTheMedian_isHighVolume() {
    HighVolumeDays high = HighVolumeDays.of(days(5, 7, 6, 22), THREE_TIMES_OR_100);
    assertThat(high.median()).isEqualTo(6.5);
    assertThat(high.days()).containsExactly(LocalDate.of(2024, 2, 4));
  }

  @Test
  void exactlyThreeTimesTheMedian_isNot() {
    HighVolumeDays high = HighVolumeDays.of(days(7, 7, 21), THREE_TIMES_OR_100);
    assertThat(high.median()).isEqualTo(7.0);
    assertThat(high.days()).isEmpty();
  }

  @Test
  void aDayAboveTheCeiling_isHighVolume_evenWhenEveryDayIsBusy() {
    HighVolumeDays high = HighVolumeDays.of(days(101, 100, 101), THREE_TIMES_OR_100);
    assertThat(high.days()).containsExactly(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 3));
  }

  @Test
  void noAttempts_noHighVolumeDays() {
    assertThat(HighVolumeDays.of(Map.of(), THREE_TIMES_OR_100).days()).isEmpty();
  }
}
