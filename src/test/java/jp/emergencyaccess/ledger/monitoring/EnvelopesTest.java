package jp.emergencyaccess.ledger.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class EnvelopesTest {
  @Test
  void instantsAreWrittenAtTheJapanOffset() {
    assertThat(Envelopes.instant(Instant.parse("2024-02-20T01:00:00Z")))
        .isEqualTo("2024-02-20T10:00:00+09:00");
  }

  @Test
  void aStoredInstantWithNoDateAtTheJapanOffset_isWrittenInUtc() {
    assertThat(Envelopes.instant(Instant.parse("+999999999-12-31T23:59:59Z")))
        .isEqualTo("+999999999-12-31T23:59:59Z");
  }
}
