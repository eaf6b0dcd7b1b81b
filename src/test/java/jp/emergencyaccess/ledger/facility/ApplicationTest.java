package jp.emergencyaccess.ledger.facility;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.Period;
import jp.emergencyaccess.ledger.common.Recorded;
import jp.emergencyaccess.ledger.common.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ApplicationTest {
  static final String ID = "3f8e2a64-8f0e-4d7e-9a52-6c1f2b9d0a11";
  static final String CODE = FacilityRegistrationTest.TOYAMA_PHARMACY;
  static final Instant AT = Instant.parse("2024-02-16T01:00:00Z");
  static final Attestations ALL = new Attestations(true, true, true);
  private AggregateTestFixture<Application> fixture;

  static SubmitApplication submit(Attestations attestations, String reason) {
    return new SubmitApplication(
        ID,
        CODE,
        FacilityKind.PHARMACY,
        "富山駅前薬局",
        "トヤマエキマエヤッキョク",
        "930-0001",
        "富山県富山市明輪町1-1",
        "076-000-0000",
        reason,
        new Period(LocalDate.parse("2024-02-16"), LocalDate.parse("2024-03-31")),
        attestations,
        new Applicant("富山 太郎", "富山県富山市"),
        "form-1",
        "toyama-pharmacy",
        AT,
        true);
  }

  static ActivationApplicationSubmitted submitted() {
    return submit(ALL, "避難所からの来局者が多い").toEvent();
  }

  static FacilityDirectory registered(boolean known) {
    FacilitySummary summary =
        new FacilitySummary(
            CODE,
            FacilityKind.PHARMACY,
            "富山駅前薬局",
            "トヤマエキマエヤッキョク",
            "930-0001",
            "富山県富山市明輪町1-1",
            "162019",
            "076-000-0000",
            AT,
            AT);
    return new FacilityDirectory() {
      @Override
      public Optional<FacilitySummary> find(String code) {
        return known && code.equals(CODE) ? Optional.of(summary) : Optional.empty();
      }

      @Override
      public java.util.Set<String> registeredAmong(java.util.Collection<String> codes) {
        return known && codes.contains(CODE) ? java.util.Set.of(CODE) : java.util.Set.of();
      }
    };
  }

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Application.class);
    fixture.registerInjectableResource(registered(true));
  }

  @Nested
  class Submit {
    @Test
    void submit_isRecorded_whenAllThreeAttestationsAreTrueAndTheFacilityIsRegistered() {
      fixture
          .givenNoPriorActivity()
          .when(submit(ALL, "避難所からの来局者が多い"))
          .expectEvents(submitted())
          .expectResultMessagePayload(Recorded.created(ID));
    }

    @Test
    void submit_isRefused_whenAnAttestationIsFalse() {
      fixture
          .givenNoPriorActivity()
          .when(submit(new Attestations(true, false, true), "避難所からの来局者が多い"))
          .expectException(RuleViolation.class)
          .expectExceptionMessage(containsString("not attested: authorizedViewersOnly"))
          .expectNoEvents();
    }

    @Test
    void submit_isRefused_whenTheFacilityIsNotRegistered() {
      fixture = new AggregateTestFixture<>(Application.class);
      fixture.registerInjectableResource(registered(false));
      fixture
          .givenNoPriorActivity()
          .when(submit(ALL, "避難所からの来局者が多い"))
          .expectException(RuleViolation.class)
          .expectExceptionMessage(containsString("is not registered"))
          .expectNoEvents();
    }

    @Test
    void submit_again_returnsTheSameApplication_andRecordsNothing() {
      fixture
          .given(submitted())
          .when(submit(ALL, "避難所からの来局者が多い"))
          .expectSuccessfulHandlerExecution()
          .expectResultMessagePayload(Recorded.replayed(ID))
          .expectNoEvents();
    }

    @Test
    void submit_isRefused_whenTheClientIdAlreadyNamedADifferentForm() {
      fixture
          .given(submitted())
          .when(submit(ALL, "別の理由"))
          .expectException(RuleViolation.class)
          .expectExceptionMessage(
              containsString("already recorded application " + ID + " with other reason"))
          .expectNoEvents();
    }

    @Test
    void submit_isRefused_whenAnAttestationIsUnanswered_orThePeriodIsReversed() {
      assertThatThrownBy(() -> submit(new Attestations(true, null, true), "r"))
          .isInstanceOf(InvalidField.class)
          .hasMessageContaining("attestations.authorizedViewersOnly");
      assertThatThrownBy(
              () -> new Period(LocalDate.parse("2024-03-31"), LocalDate.parse("2024-02-16")))
          .isInstanceOf(InvalidField.class)
          .hasMessageContaining("until");
    }
  }
}
