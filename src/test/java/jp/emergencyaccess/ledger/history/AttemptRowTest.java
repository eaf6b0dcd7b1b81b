package jp.emergencyaccess.ledger.history;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import jp.emergencyaccess.ledger.access.Decision;
import jp.emergencyaccess.ledger.access.InfoCategory;
import jp.emergencyaccess.ledger.access.Lookup;
import jp.emergencyaccess.ledger.access.ViewerRole;
import org.junit.jupiter.api.Test;

/**
 * A row its columns cannot hold fails while its event is handled, not when the batch is written.
 */
class AttemptRowTest {
  private static AttemptRow row(String viewerId) {
    return row(viewerId, Instant.parse("2024-02-20T01:00:00Z"));
  }

  private static AttemptRow row(String viewerId, Instant at) {
    return new AttemptRow(
        new Lookup(
            "0f17f53d-3a2c-37a7-80d0-a42802c86e4a",
            "1710112341",
            at,
            viewerId,
            ViewerRole.DOCTOR,
            "0217836a05bcb96b82adeb96276be631",
            List.of(InfoCategory.MEDICATION),
            null,
            null,
            null,
            Decision.ALLOWED,
            List.of(),
            null),
        0);
  }

  @Test
  void aViewerIdLongerThanItsColumn_isRefused() {
    assertThatCode(() -> row("v".repeat(64))).doesNotThrowAnyException();
    assertThatThrownBy(() -> row("v".repeat(65)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("viewerId has 65 characters, its column holds 64");
    assertThatThrownBy(() -> row(null)).hasMessage("viewerId is missing");
  }

  @Test
  void anInstantWithoutAnEpochMillisecond_isRefused() {
    assertThatThrownBy(() -> row("dr-a", Instant.parse("+999999999-12-31T23:59:59Z")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("at +999999999-12-31T23:59:59Z has no epoch millisecond");
  }
}
