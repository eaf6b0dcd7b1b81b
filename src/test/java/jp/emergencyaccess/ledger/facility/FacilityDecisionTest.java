package jp.emergencyaccess.ledger.facility;

import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import jp.emergencyaccess.ledger.common.Period;
import jp.emergencyaccess.ledger.common.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Decisions on applications, and individual periods, on the Facility aggregate. */
class FacilityDecisionTest {
  static final String CODE = FacilityRegistrationTest.TOYAMA_PHARMACY;
  static final String FIRST = "00000000-0000-4000-8000-000000000001";
  static final String SECOND = "00000000-0000-4000-8000-000000000002";
  static final String OTHERS = "00000000-0000-4000-8000-000000000003";
  static final Instant AT = Instant.parse("2024-02-20T01:00:00Z");
  private AggregateTestFixture<Facility> fixture;

  static LocalDate day(String iso) {
    return LocalDate.parse(iso);
  }

  static Period period(String from, String until) {
    return new Period(day(from), day(until));
  }

  /** Applications FIRST and SECOND are this facility's; OTHERS is another facility's. */
  static ApplicationDirectory applications() {
    return id -> {
      String code = id.equals(OTHERS) ? "1740140015" : CODE;
      if (!id.equals(FIRST) && !id.equals(SECOND) && !id.equals(OTHERS)) {
        return Optional.empty();
      }
      var form =
          new ActivationApplicationSubmitted(
              id,
              code,
              FacilityKind.PHARMACY,
              "n",
              "n",
              "930-0001",
              "a",
              "0760000000",
              "r",
              day("2024-02-15"),
              day("2024-03-31"),
              new Attestations(true, true, true),
              new Applicant("a", "a"),
              null,
              "toyama-pharmacy",
              AT);
      return Optional.of(
          new ApplicationSummary(
              form, AT, ApplicationSummary.Status.SUBMITTED, null, null, null, null, null));
    };
  }

  static ApproveApplication approve(String id, String from, String until) {
    return new ApproveApplication(CODE, id, period(from, until), "mhlw", AT);
  }

  static ActivationApplicationApproved approved(String id, String from, String until) {
    return new ActivationApplicationApproved(id, CODE, day(from), day(until), "mhlw", AT);
  }

  static FacilityActivated activated(String id, String from, String until) {
    return new FacilityActivated(CODE, day(from), day(until), id, AT);
  }

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Facility.class);
    fixture.registerInjectableResource(applications());
  }

  @Nested
  class Approve {
    @Test
    void approve_isRefused_atAnInstantBeforeTheSubmission() {
      fixture
          .given(FacilityRegistrationTest.registered())
          .when(
              new ApproveApplication(
                  CODE, FIRST, period("2024-02-16", "2024-03-15"), "mhlw", AT.minusMillis(1)))
          .expectException(RuleViolation.class)
          .expectExceptionMessage(containsString("cannot be decided earlier"))
          .expectNoEvents();
    }

    @Test
    void reject_isRefused_atAnInstantBeforeTheSubmission() {
      fixture
          .given(FacilityRegistrationTest.registered())
          .when(new RejectApplication(CODE, FIRST, "too early", "mhlw", AT.minusSeconds(60)))
          .expectException(RuleViolation.class)
          .expectExceptionMessage(containsString("cannot be decided earlier"))
          .expectNoEvents();
    }

    @Test
    void approve_activatesTheFacility_forTheGrantedPeriod() {
      fixture
          .given(FacilityRegistrationTest.registered())
          .when(approve(FIRST, "2024-02-16", "2024-03-15"))
          .expectEvents(
              approved(FIRST, "2024-02-16", "2024-03-15"),
              activated(FIRST, "2024-02-16", "2024-03-15"));
    }

    @Test
    void approve_extendsThePeriod_itContinues() {
      fixture
          .given(
              FacilityRegistrationTest.registered(),
              approved(FIRST, "2024-02-16", "2024-03-15"),
              activated(FIRST, "2024-02-16", "2024-03-15"))
          .when(approve(SECOND, "2024-03-16", "2024-03-31"))
          .expectEvents(
              approved(SECOND, "2024-03-16", "2024-03-31"),
              new FacilityActivationExtended(
                  CODE, day("2024-02-16"), day("2024-03-15"), day("2024-03-31"), SECOND, AT));
    }

    @Test
    void approve_opensASecondPeriod_afterAGap() {
      fixture
          .given(
              FacilityRegistrationTest.registered(),
              approved(FIRST, "2024-02-16", "2024-03-15"),
              activated(FIRST, "2024-02-16", "2024-03-15"))
          .when(approve(SECOND, "2024-04-01", "2024-04-30"))
          .expectEvents(
              approved(SECOND, "2024-04-01", "2024-04-30"),
              activated(SECOND, "2024-04-01", "2024-04-30"));
    }

    @Test
    void approve_isRefused_whenTheGrantIsAlreadyCovered() {
      fixture
          .given(
              FacilityRegistrationTest.registered(),
              approved(FIRST, "2024-02-16", "2024-03-15"),
              activated(FIRST, "2024-02-16", "2024-03-15"))
          .when(approve(SECOND, "2024-03-01", "2024-03-10"))
          .expectException(RuleViolation.class)
          .expectExceptionMessage(containsString("already covered"))
          .expectNoEvents();
    }

    @Test
    void approve_isRefused_whenTheGrantReachesIntoAPeriodFromBefore() {
      fixture
          .given(
              FacilityRegistrationTest.registered(),
              approved(FIRST, "2024-02-16", "2024-03-15"),
              activated(FIRST, "2024-02-16", "2024-03-15"))
          .when(approve(SECOND, "2024-02-01", "2024-02-20"))
          .expectException(RuleViolation.class)
          .expectExceptionMessage(containsString("does not continue it"))
          .expectNoEvents();
    }

    @Test
    void approve_isRefused_whenTheApplicationWasAlreadyDecided() {
      fixture
          .given(
              FacilityRegistrationTest.registered(),
              approved(FIRST, "2024-02-16", "2024-03-15"),
              activated(FIRST, "2024-02-16", "2024-03-15"))
          .when(approve(FIRST, "2024-04-01", "2024-04-30"))
          .expectException(RuleViolation.class)
          .expectExceptionMessage(containsString("was already approved"))
          .expectNoEvents();
    }

    @Test
    void approve_isRefused_forAnotherFacilitysApplication() {
      fixture
          .given(FacilityRegistrationTest.registered())
          .when(approve(OTHERS, "2024-02-16", "2024-03-15"))
          .expectException(RuleViolation.class)
          .expectExceptionMessage(containsString("is not an application of facility"))
          .expectNoEvents();
    }
  }

  @Nested
  class Reject {
    @Test
    void reject_isRecorded_withItsReason() {
      fixture
          .given(FacilityRegistrationTest.registered())
          .when(new RejectApplication(CODE, FIRST, "対象地域内", "mhlw", AT))
          .expectEvents(new ActivationApplicationRejected(FIRST, CODE, "対象地域内", "mhlw", AT));
    }

    @Test
    void reject_isRefused_whenTheApplicationWasAlreadyRejected() {
      fixture
          .given(
              FacilityRegistrationTest.registered(),
              new ActivationApplicationRejected(FIRST, CODE, "対象地域内", "mhlw", AT))
          .when(approve(FIRST, "2024-02-16", "2024-03-15"))
          .expectException(RuleViolation.class)
          .expectExceptionMessage(containsString("was already rejected"))
          .expectNoEvents();
    }

    @Test
    void reject_isRefused_forAnUnknownApplication() {
      fixture
          .given(FacilityRegistrationTest.registered())
          .when(
              new RejectApplication(CODE, "00000000-0000-4000-8000-00000000000f", "r", "mhlw", AT))
          .expectException(RuleViolation.class)
          .expectNoEvents();
    }
  }

  @Nested
  class Extend {
    @Test
    void extend_movesTheLatestPeriodsLastDay_citingAnApprovedApplication() {
      fixture
          .given(
              FacilityRegistrationTest.registered(),
              approved(FIRST, "2024-02-16", "2024-03-15"),
              activated(FIRST, "2024-02-16", "2024-03-15"))
          .when(new ExtendFacility(CODE, day("2024-03-31"), FIRST, AT))
          .expectEvents(
              new FacilityActivationExtended(
                  CODE, day("2024-02-16"), day("2024-03-15"), day("2024-03-31"), FIRST, AT));
    }

    @Test
    void extend_isRefused_whenTheFacilityWasNeverActivated() {
      fixture
          .given(FacilityRegistrationTest.registered())
          .when(new ExtendFacility(CODE, day("2024-03-31"), FIRST, AT))
          .expectException(RuleViolation.class)
          .expectExceptionMessage(containsString("no individual period"))
          .expectNoEvents();
    }

    @Test
    void extend_isRefused_whenTheNewLastDayIsNotLater() {
      fixture
          .given(
              FacilityRegistrationTest.registered(),
              approved(FIRST, "2024-02-16", "2024-03-15"),
              activated(FIRST, "2024-02-16", "2024-03-15"))
          .when(new ExtendFacility(CODE, day("2024-03-15"), FIRST, AT))
          .expectException(RuleViolation.class)
          .expectExceptionMessage(containsString("not later"))
          .expectNoEvents();
    }

    @Test
    void extend_isRefused_whenTheCitedApplicationIsNotApproved() {
      fixture
          .given(
              FacilityRegistrationTest.registered(),
              approved(FIRST, "2024-02-16", "2024-03-15"),
              activated(FIRST, "2024-02-16", "2024-03-15"))
          .when(new ExtendFacility(CODE, day("2024-03-31"), SECOND, AT))
          .expectException(RuleViolation.class)
          .expectExceptionMessage(containsString("not an approved application"))
          .expectNoEvents();
    }
  }
}
