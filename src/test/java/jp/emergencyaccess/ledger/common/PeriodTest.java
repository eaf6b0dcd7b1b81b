package jp.emergencyaccess.ledger.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {
  @Test
  void aPeriodUntilTheLastRepresentableDay_coversLateInstantsInsteadOfOverflowing() {
    Period endless = new Period(LocalDate.of(2024, 1, 1), LocalDate.MAX);
    assertThat(endless.end()).isEqualTo(Instant.MAX);
    assertThat(endless.covers(Instant.parse("+999999999-12-31T23:59:59Z"))).isTrue();
    assertThat(endless.covers(Instant.parse("2023-12-31T14:59:59Z"))).isFalse();
  }

  @Test
  void untilIsInclusive_toTheLastMillisecondOfItsDayInJapan() {
    Period leap = new Period(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29));
    assertThat(leap.covers(Instant.parse("2024-02-29T23:59:59.999+09:00"))).isTrue();
    assertThat(leap.covers(Instant.parse("2024-03-01T00:00:00+09:00"))).isFalse();
  }
}
