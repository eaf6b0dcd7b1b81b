package jp.emergencyaccess.ledger.review;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.RuleViolation;
import jp.emergencyaccess.ledger.support.KanazawaClinic;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReviewTest {
  private static final String KANAZAWA = KanazawaClinic.CODE;
  private static final String UNKNOWN = KanazawaClinic.UNKNOWN;
  private static final Instant T = Instant.parse("2024-03-04T01:00:00Z");
  private static final LocalDate FROM = LocalDate.of(2024, 2, 1);
  private static final LocalDate TO = LocalDate.of(2024, 2, 29);
  private AggregateTestFixture<Review> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Review.class);
    fixture.registerInjectableResource(KanazawaClinic.directory(T));
  }

  private static RecordReview review(String reviewId, String facility) {
    return new RecordReview(
        reviewId, facility, FROM, TO, ReviewFinding.ISSUES_FOUND, "2/5 を確認", "fund", "FUND", T);
  }

  @Test
  void aReviewOfARegisteredFacility_isRecordedAsGiven() {
    String id = ReviewIds.next();
    fixture
        .givenNoPriorActivity()
        .when(review(id, KANAZAWA))
        .expectSuccessfulHandlerExecution()
        .expectResultMessagePayload(id)
        .expectEvents(
            new ReviewRecorded(
                id, KANAZAWA, FROM, TO, "ISSUES_FOUND", "2/5 を確認", "fund", "FUND", T));
  }

  @Test
  void aReviewOfAnUnregisteredFacility_isRefused_andRecordsNothing() {
    fixture
        .givenNoPriorActivity()
        .when(review(ReviewIds.next(), UNKNOWN))
        .expectException(RuleViolation.class)
        .expectNoEvents();
  }

  @Test
  void aReversedPeriod_isNoCommand() {
    assertThatThrownBy(
            () ->
                new RecordReview(
                    ReviewIds.next(),
                    KANAZAWA,
                    TO,
                    FROM,
                    ReviewFinding.NO_ISSUES,
                    null,
                    "fund",
                    "FUND",
                    T))
        .isInstanceOf(InvalidField.class);
  }
}
