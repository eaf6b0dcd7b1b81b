package jp.emergencyaccess.ledger.notice;

import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.emergencyaccess.ledger.common.Recorded;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NoticeTest {
  private static final Instant AT = Instant.parse("2024-02-13T01:00:00Z");
  private static final LocalDate ISSUED = LocalDate.of(2024, 2, 13);
  private final List<NoticeSummary> registered = new ArrayList<>();
  private AggregateTestFixture<Notice> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Notice.class);
    fixture.registerInjectableResource(
        new NoticeDirectory() {
          public Optional<NoticeSummary> find(String id) {
            return registered.stream().filter(n -> n.noticeId().equals(id)).findFirst();
          }

          public Optional<NoticeSummary> findRevision(String series, int revision) {
            return registered.stream()
                .filter(n -> n.series().equals(series) && n.revision() == revision)
                .findFirst();
          }

          public List<NoticeSummary> all() {
            return registered;
          }
        });
  }

  private static RegisterNotice register(String id, int revision) {
    return new RegisterNotice(id, "noto-2024", revision, ISSUED, "その" + revision, null, AT);
  }

  @Test
  void register_recordsTheNotice() {
    fixture
        .givenNoPriorActivity()
        .when(register("noto-2024-08", 5))
        .expectEvents(new NoticeRegistered("noto-2024-08", "noto-2024", 5, ISSUED, "その5", null, AT))
        .expectResultMessagePayload(Recorded.created("noto-2024-08"));
  }

  @Test
  void register_isRefused_whenTheIdIsTakenByAnotherNotice() {
    fixture
        .given(new NoticeRegistered("noto-2024-08", "other", 1, ISSUED, "t", null, AT))
        .when(register("noto-2024-08", 5))
        .expectException(jp.emergencyaccess.ledger.common.RuleViolation.class)
        .expectExceptionMessage(containsString("already registered"))
        .expectNoEvents();
  }

  @Test
  void register_again_answersTheRecordedNotice_andRecordsNothing() {
    fixture
        .given(new NoticeRegistered("noto-2024-08", "noto-2024", 5, ISSUED, "その5", null, AT))
        .when(register("noto-2024-08", 5))
        .expectSuccessfulHandlerExecution()
        .expectResultMessagePayload(Recorded.replayed("noto-2024-08"))
        .expectNoEvents();
  }

  @Test
  void register_isRefused_whenTheRevisionOfTheSeriesIsTaken() {
    registered.add(new NoticeSummary("noto-2024-07", "noto-2024", 5, ISSUED, "t", null, AT));
    fixture
        .givenNoPriorActivity()
        .when(register("noto-2024-08", 5))
        .expectException(jp.emergencyaccess.ledger.common.RuleViolation.class)
        .expectExceptionMessage(containsString("noto-2024-07"))
        .expectNoEvents();
  }

  @Test
  void register_isRefused_forAnIdOfTheWrongShape() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> register("Noto 8", 5))
        .hasMessageContaining("[a-z0-9-]");
  }
}
