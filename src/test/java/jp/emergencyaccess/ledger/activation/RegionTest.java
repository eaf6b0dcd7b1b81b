package jp.emergencyaccess.ledger.activation;

import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import jp.emergencyaccess.ledger.common.Period;
import jp.emergencyaccess.ledger.common.RuleViolation;
import jp.emergencyaccess.ledger.notice.NoticeDirectory;
import jp.emergencyaccess.ledger.notice.NoticeSummary;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RegionTest {
  private static final String KANAZAWA = "172014";
  private static final String NOTICE = "noto-2024-08";
  private static final Instant AT = Instant.parse("2024-02-13T01:00:00Z");
  private AggregateTestFixture<Region> fixture;

  /** The one registered notice, as the directory would know it. */
  static NoticeDirectory directoryWith(String noticeId) {
    NoticeSummary notice =
        new NoticeSummary(noticeId, "noto-2024", 5, LocalDate.of(2024, 2, 13), "その8", null, AT);
    return new NoticeDirectory() {
      public Optional<NoticeSummary> find(String id) {
        return id.equals(noticeId) ? Optional.of(notice) : Optional.empty();
      }

      public Optional<NoticeSummary> findRevision(String series, int revision) {
        return Optional.empty();
      }

      public List<NoticeSummary> all() {
        return List.of(notice);
      }
    };
  }

  private static LocalDate day(String iso) {
    return LocalDate.parse(iso);
  }

  private static RegionActivated activated(String from, String until) {
    return new RegionActivated(KANAZAWA, day(from), day(until), NOTICE, AT);
  }

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Region.class);
    fixture.registerInjectableResource(directoryWith(NOTICE));
  }

  @Nested
  class Activate {
    @Test
    void activate_isRecorded_forANewRegion() {
      fixture
          .givenNoPriorActivity()
          .when(
              new ActivateRegion(
                  KANAZAWA, new Period(day("2024-01-01"), day("2024-01-07")), NOTICE, AT))
          .expectEvents(activated("2024-01-01", "2024-01-07"));
    }

    @Test
    void activate_isRecorded_forALaterPeriodThatDoesNotOverlap() {
      fixture
          .given(activated("2024-01-01", "2024-01-07"))
          .when(
              new ActivateRegion(
                  KANAZAWA, new Period(day("2024-01-08"), day("2024-01-14")), NOTICE, AT))
          .expectEvents(activated("2024-01-08", "2024-01-14"));
    }

    @Test
    void activate_isRefused_whenThePeriodOverlapsARecordedOne() {
      fixture
          .given(activated("2024-01-01", "2024-01-07"))
          .when(
              new ActivateRegion(
                  KANAZAWA, new Period(day("2024-01-07"), day("2024-01-14")), NOTICE, AT))
          .expectException(RuleViolation.class)
          .expectExceptionMessage(containsString("overlaps"))
          .expectNoEvents();
    }

    @Test
    void activate_isRefused_whenTheNoticeIsNotRegistered() {
      fixture
          .givenNoPriorActivity()
          .when(
              new ActivateRegion(
                  KANAZAWA, new Period(day("2024-01-01"), day("2024-01-07")), "unknown", AT))
          .expectException(RuleViolation.class)
          .expectExceptionMessage(containsString("not registered"))
          .expectNoEvents();
    }
  }

  @Nested
  class Extend {
    @Test
    void extend_movesTheLatestPeriodsLastDay() {
      fixture
          .given(activated("2024-01-01", "2024-01-07"))
          .when(new ExtendRegionActivation(KANAZAWA, day("2024-01-14"), NOTICE, AT))
          .expectEvents(
              new RegionActivationExtended(
                  KANAZAWA, day("2024-01-01"), day("2024-01-07"), day("2024-01-14"), NOTICE, AT));
    }

    @Test
    void extend_isRefused_whenRegionWasNeverActivated() {
      fixture
          .givenNoPriorActivity()
          .when(new ExtendRegionActivation(KANAZAWA, day("2024-01-14"), NOTICE, AT))
          .expectException(RuleViolation.class)
          .expectExceptionMessage(containsString("never been activated"))
          .expectNoEvents();
    }

    @Test
    void extend_isRefused_whenTheNewLastDayIsNotLater() {
      fixture
          .given(activated("2024-01-01", "2024-01-14"))
          .when(new ExtendRegionActivation(KANAZAWA, day("2024-01-14"), NOTICE, AT))
          .expectException(RuleViolation.class)
          .expectExceptionMessage(containsString("not later"))
          .expectNoEvents();
    }

    @Test
    void extend_isRefused_whenTheNoticeIsNotRegistered() {
      fixture
          .given(activated("2024-01-01", "2024-01-07"))
          .when(new ExtendRegionActivation(KANAZAWA, day("2024-01-14"), "unknown", AT))
          .expectException(RuleViolation.class)
          .expectNoEvents();
    }
  }

  @Nested
  class End {
    @Test
    void end_mayComeBeforeThePlannedLastDay() {
      fixture
          .given(activated("2024-01-01", "2024-02-29"))
          .when(new EndRegionActivation(KANAZAWA, day("2024-02-14"), NOTICE, AT))
          .expectEvents(
              new RegionActivationEnded(
                  KANAZAWA, day("2024-01-01"), day("2024-02-29"), day("2024-02-14"), NOTICE, AT));
    }

    @Test
    void end_appliesToTheLatestPeriod() {
      fixture
          .given(activated("2024-01-01", "2024-01-07"), activated("2024-03-01", "2024-03-31"))
          .when(new EndRegionActivation(KANAZAWA, day("2024-03-07"), NOTICE, AT))
          .expectEvents(
              new RegionActivationEnded(
                  KANAZAWA, day("2024-03-01"), day("2024-03-31"), day("2024-03-07"), NOTICE, AT));
    }

    @Test
    void end_isRefused_beforeThePeriodsFirstDay() {
      fixture
          .given(activated("2024-01-01", "2024-01-07"))
          .when(new EndRegionActivation(KANAZAWA, day("2023-12-31"), NOTICE, AT))
          .expectException(RuleViolation.class)
          .expectExceptionMessage(containsString("before the period's first day"))
          .expectNoEvents();
    }

    @Test
    void end_isRefused_whenRegionWasNeverActivated() {
      fixture
          .givenNoPriorActivity()
          .when(new EndRegionActivation(KANAZAWA, day("2024-01-07"), NOTICE, AT))
          .expectException(RuleViolation.class)
          .expectNoEvents();
    }
  }
}
