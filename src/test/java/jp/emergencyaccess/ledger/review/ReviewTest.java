package jp.emergencyaccess.ledger.review;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.RuleViolation;
import jp.emergencyaccess.ledger.facility.FacilityDirectory;
import jp.emergencyaccess.ledger.facility.FacilityKind;
import jp.emergencyaccess.ledger.facility.FacilitySummary;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReviewTest {
  private static final String KANAZAWA = "1710112341";
  private static final String UNKNOWN = "1710112358";
  private static final Instant T = Instant.parse("2024-03-04T01:00:00Z");
  private static final LocalDate FROM = LocalDate.of(2024, 2, 1);
  private static final LocalDate TO = LocalDate.of(2024, 2, 29);
  private AggregateTestFixture<Review> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Review.class);
    fixture.registerInjectableResource(directoryWithKanazawa());
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

  private static FacilityDirectory directoryWithKanazawa() {
    FacilitySummary kanazawa =
        new FacilitySummary(
            KANAZAWA,
            FacilityKind.CLINIC,
            "金沢クリニック",
            "カナザワクリニック",
            "920-0000",
            "金沢市",
            "172014",
            "076-000-0000",
            T,
            T);
    return new FacilityDirectory() {
      @Override
      public Optional<FacilitySummary> find(String code) {
        return code.equals(KANAZAWA) ? Optional.of(kanazawa) : Optional.empty();
      }

      @Override
      public Set<String> registeredAmong(Collection<String> codes) {
        return codes.contains(KANAZAWA) ? Set.of(KANAZAWA) : Set.of();
      }
    };
  }
}
