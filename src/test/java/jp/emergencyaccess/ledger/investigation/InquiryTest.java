package jp.emergencyaccess.ledger.investigation;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.Recorded;
import jp.emergencyaccess.ledger.common.RuleViolation;
import jp.emergencyaccess.ledger.support.KanazawaClinic;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InquiryTest {
  private static final String ID = InquiryIds.forClientId("inquiry-test");
  private static final String KANAZAWA = KanazawaClinic.CODE;
  private static final String UNKNOWN = KanazawaClinic.UNKNOWN;
  private static final Instant T = Instant.parse("2024-02-20T01:00:00Z");
  private static final Instant T2 = Instant.parse("2024-02-27T01:00:00Z");
  private AggregateTestFixture<Inquiry> fixture;
  private FakeServiceStatus service;

  /** The service measures the read model holds, in the order they take effect. */
  static class FakeServiceStatus implements ServiceStatus {
    final List<ServiceMeasure> measures = new ArrayList<>();

    FakeServiceStatus with(ServiceChange change, Instant at) {
      measures.add(new ServiceMeasure(KANAZAWA, change, at, ID, "reason"));
      return this;
    }

    @Override
    public Optional<ServiceMeasure> suspendedAt(String facilityCode, Instant at) {
      return measures.stream()
          .filter(m -> !m.at().isAfter(at))
          .reduce((a, b) -> b)
          .filter(m -> m.change().outOfService());
    }

    @Override
    public Optional<ServiceMeasure> latest(String facilityCode) {
      return measures.stream().reduce((a, b) -> b);
    }
  }

  /**
   * The facility's service for the fixture, which runs one aggregate: the real {@link
   * FacilityService} rules over a stream without events, so seeded from {@link FakeServiceStatus};
   * its event is applied within the handling aggregate's lifecycle, where the fixture sees it (in
   * the application it goes to the facility's own stream).
   */
  static class FixtureServices implements FacilityServices {
    private final ServiceStatus recorded;

    FixtureServices(ServiceStatus recorded) {
      this.recorded = recorded;
    }

    @Override
    public void suspend(String inquiryId, String facilityCode, String reason, Instant at) {
      new FacilityService(facilityCode).suspend(inquiryId, reason, at, recorded);
    }

    @Override
    public void stop(String inquiryId, String facilityCode, String reason, Instant at) {
      new FacilityService(facilityCode).stop(inquiryId, reason, at, recorded);
    }

    @Override
    public void resume(String inquiryId, String facilityCode, Instant at) {
      new FacilityService(facilityCode).resume(inquiryId, at, recorded);
    }
  }

  private static InquiryOpened opened() {
    return new InquiryOpened(ID, KANAZAWA, "many lookups at night", "inquiry-test", T);
  }

  private static InquiryClosed closed() {
    return new InquiryClosed(ID, KANAZAWA, Finding.NO_VIOLATION, "all in order", T2);
  }

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Inquiry.class);
    fixture.registerInjectableResource(KanazawaClinic.directory(T));
    service = new FakeServiceStatus();
    fixture.registerInjectableResource(service);
    fixture.registerInjectableResource(new FixtureServices(service));
  }

  @Nested
  class Open {
    @Test
    void open_isRecorded_forARegisteredFacility() {
      fixture
          .givenNoPriorActivity()
          .when(new OpenInquiry(ID, KANAZAWA, "many lookups at night", "inquiry-test", T, true))
          .expectEvents(opened())
          .expectResultMessagePayload(Recorded.created(ID));
    }

    @Test
    void open_recordsNothing_whenTheSameClientIdSendsTheSameRequestAgain() {
      fixture
          .given(opened())
          .when(new OpenInquiry(ID, KANAZAWA, "many lookups at night", "inquiry-test", T, true))
          .expectNoEvents()
          .expectResultMessagePayload(Recorded.replayed(ID));
    }

    @Test
    void open_isRefused_whenTheClientIdWasUsedForAnotherRequest() {
      fixture
          .given(opened())
          .when(new OpenInquiry(ID, KANAZAWA, "another reason", "inquiry-test", T, true))
          .expectException(RuleViolation.class)
          .expectExceptionMessage(containsString("already recorded inquiry"))
          .expectNoEvents();
    }

    @Test
    void open_isRefused_whenTheFacilityIsNotRegistered() {
      fixture
          .givenNoPriorActivity()
          .when(new OpenInquiry(ID, UNKNOWN, "reason", null, T, true))
          .expectException(RuleViolation.class)
          .expectExceptionMessage(containsString("not registered"))
          .expectNoEvents();
    }

    @Test
    void open_isRefused_withAMalformedFacilityCode() {
      assertThatThrownBy(() -> new OpenInquiry(ID, "1710112340", "reason", null, T, true))
          .isInstanceOf(InvalidField.class)
          .hasMessageContaining("check digit");
    }

    @Test
    void open_isRefused_withoutAReason() {
      assertThatThrownBy(() -> new OpenInquiry(ID, KANAZAWA, " ", null, T, true))
          .isInstanceOf(InvalidField.class)
          .hasMessageContaining("reason");
    }
  }

  @Nested
  class FacilityReport {
    @Test
    void report_isRefused_beforeTheInquiryWasOpened() {
      fixture
          .given(opened())
          .when(new RecordFacilityReport(ID, "too early", T.minusMillis(1)))
          .expectException(RuleViolation.class)
          .expectExceptionMessage(containsString("a measure cannot be earlier"))
          .expectNoEvents();
    }

    @Test
    void report_isRecorded_atTheInstantOfTheOpening() {
      fixture
          .given(opened())
          .when(new RecordFacilityReport(ID, "at once", T))
          .expectEvents(new FacilityReportRecorded(ID, KANAZAWA, "at once", T));
    }

    @Test
    void report_isRecorded_onAnOpenInquiry() {
      fixture
          .given(opened())
          .when(new RecordFacilityReport(ID, "staff explained", T2))
          .expectEvents(new FacilityReportRecorded(ID, KANAZAWA, "staff explained", T2));
    }

    @Test
    void report_isRefused_afterClose() {
      fixture
          .given(opened(), closed())
          .when(new RecordFacilityReport(ID, "late", T2))
          .expectException(RuleViolation.class)
          .expectExceptionMessage(containsString("is closed"))
          .expectNoEvents();
    }
  }

  @Nested
  class ImprovementRequest {
    @Test
    void request_isRecorded_withItsDueDate() {
      LocalDate due = LocalDate.of(2024, 3, 31);
      fixture
          .given(opened())
          .when(new RequestImprovementReport(ID, due, T2))
          .expectEvents(new ImprovementReportRequested(ID, KANAZAWA, due, T2));
    }

    @Test
    void request_isRefused_afterClose() {
      fixture
          .given(opened(), closed())
          .when(new RequestImprovementReport(ID, LocalDate.of(2024, 3, 31), T2))
          .expectException(RuleViolation.class)
          .expectNoEvents();
    }

    @Test
    void request_isRefused_whenDueBeforeTheDayOfTheRequestInJapan() {
      // 2024-02-27T01:00Z is 10:00 on 2024-02-27 in Japan.
      assertThatThrownBy(() -> new RequestImprovementReport(ID, LocalDate.of(2024, 2, 26), T2))
          .isInstanceOf(InvalidField.class)
          .hasMessageContaining("dueOn");
    }
  }

  @Nested
  class PublishName {
    @Test
    void publish_isRecorded_withTheRegisteredName() {
      fixture
          .given(opened())
          .when(new PublishFacilityName(ID, T2))
          .expectEvents(new FacilityNamePublished(ID, KANAZAWA, "金沢クリニック", T2));
    }

    @Test
    void publish_isRefused_theSecondTime() {
      fixture
          .given(opened(), new FacilityNamePublished(ID, KANAZAWA, "金沢クリニック", T))
          .when(new PublishFacilityName(ID, T2))
          .expectException(RuleViolation.class)
          .expectExceptionMessage(containsString("already published"))
          .expectNoEvents();
    }

    @Test
    void publish_isRefused_afterClose() {
      fixture
          .given(opened(), closed())
          .when(new PublishFacilityName(ID, T2))
          .expectException(RuleViolation.class)
          .expectNoEvents();
    }
  }

  @Nested
  class Suspend {
    @Test
    void suspend_isRefused_beforeTheInquiryWasOpened() {
      fixture
          .given(opened())
          .when(new SuspendService(ID, "backdated", T.minusSeconds(3600)))
          .expectException(RuleViolation.class)
          .expectExceptionMessage(containsString("a measure cannot be earlier"))
          .expectNoEvents();
    }

    @Test
    void suspend_isRecorded_forAFacilityInService() {
      fixture
          .given(opened())
          .when(new SuspendService(ID, "misuse", T))
          .expectEvents(new FacilityServiceSuspended(ID, KANAZAWA, "misuse", T));
    }

    @Test
    void suspend_isRecorded_againAfterAResume() {
      service.with(ServiceChange.SUSPENDED, T).with(ServiceChange.RESUMED, T.plusSeconds(60));
      fixture
          .given(opened())
          .when(new SuspendService(ID, "again", T2))
          .expectEvents(new FacilityServiceSuspended(ID, KANAZAWA, "again", T2));
    }

    @Test
    void suspend_isRefused_whileSuspended() {
      service.with(ServiceChange.SUSPENDED, T);
      fixture
          .given(opened())
          .when(new SuspendService(ID, "twice", T2))
          .expectException(RuleViolation.class)
          .expectExceptionMessage(containsString("already suspended"))
          .expectNoEvents();
    }

    @Test
    void suspend_isRefused_afterAStop() {
      service.with(ServiceChange.STOPPED, T);
      fixture
          .given(opened())
          .when(new SuspendService(ID, "after stop", T2))
          .expectException(RuleViolation.class)
          .expectExceptionMessage(containsString("final"))
          .expectNoEvents();
    }

    @Test
    void suspend_isRefused_whenNotLaterThanTheLatestMeasure() {
      service.with(ServiceChange.SUSPENDED, T).with(ServiceChange.RESUMED, T2);
      fixture
          .given(opened())
          .when(new SuspendService(ID, "back in time", T2))
          .expectException(RuleViolation.class)
          .expectExceptionMessage(containsString("must be later"))
          .expectNoEvents();
    }

    @Test
    void suspend_isRefused_afterClose() {
      fixture
          .given(opened(), closed())
          .when(new SuspendService(ID, "late", T2))
          .expectException(RuleViolation.class)
          .expectExceptionMessage(containsString("is closed"))
          .expectNoEvents();
    }
  }

  @Nested
  class Stop {
    @Test
    void stop_isRecorded_forAFacilityInService() {
      fixture
          .given(opened())
          .when(new StopService(ID, "grave misuse", T))
          .expectEvents(new FacilityServiceStopped(ID, KANAZAWA, "grave misuse", T));
    }

    @Test
    void stop_isRecorded_whileSuspended() {
      service.with(ServiceChange.SUSPENDED, T);
      fixture
          .given(opened())
          .when(new StopService(ID, "no improvement", T2))
          .expectEvents(new FacilityServiceStopped(ID, KANAZAWA, "no improvement", T2));
    }

    @Test
    void stop_isRefused_whenAlreadyStopped() {
      service.with(ServiceChange.STOPPED, T);
      fixture
          .given(opened())
          .when(new StopService(ID, "twice", T2))
          .expectException(RuleViolation.class)
          .expectExceptionMessage(containsString("already stopped"))
          .expectNoEvents();
    }

    @Test
    void stop_isRefused_afterClose() {
      fixture
          .given(opened(), closed())
          .when(new StopService(ID, "late", T2))
          .expectException(RuleViolation.class)
          .expectNoEvents();
    }
  }

  @Nested
  class Resume {
    @Test
    void resume_isRecorded_forASuspendedFacility() {
      service.with(ServiceChange.SUSPENDED, T);
      fixture
          .given(opened())
          .when(new ResumeService(ID, T2))
          .expectEvents(new FacilityServiceResumed(ID, KANAZAWA, T2));
    }

    @Test
    void resume_isRefused_whenNeverSuspended() {
      fixture
          .given(opened())
          .when(new ResumeService(ID, T2))
          .expectException(RuleViolation.class)
          .expectExceptionMessage(containsString("not suspended"))
          .expectNoEvents();
    }

    @Test
    void resume_isRefused_whenAlreadyResumed() {
      service.with(ServiceChange.SUSPENDED, T).with(ServiceChange.RESUMED, T.plusSeconds(1));
      fixture
          .given(opened())
          .when(new ResumeService(ID, T2))
          .expectException(RuleViolation.class)
          .expectExceptionMessage(containsString("not suspended"))
          .expectNoEvents();
    }

    @Test
    void resume_isRefused_afterAStop() {
      service.with(ServiceChange.STOPPED, T);
      fixture
          .given(opened())
          .when(new ResumeService(ID, T2))
          .expectException(RuleViolation.class)
          .expectExceptionMessage(containsString("a stop is final"))
          .expectNoEvents();
    }

    @Test
    void resume_isRefused_whenEarlierThanTheSuspension() {
      service.with(ServiceChange.SUSPENDED, T2);
      fixture
          .given(opened())
          .when(new ResumeService(ID, T))
          .expectException(RuleViolation.class)
          .expectExceptionMessage(containsString("must be later"))
          .expectNoEvents();
    }

    @Test
    void resume_isRefused_afterClose() {
      service.with(ServiceChange.SUSPENDED, T);
      fixture
          .given(opened(), closed())
          .when(new ResumeService(ID, T2))
          .expectException(RuleViolation.class)
          .expectExceptionMessage(containsString("is closed"))
          .expectNoEvents();
    }
  }

  @Nested
  class Close {
    @Test
    void close_isRecorded_withTheFinding() {
      fixture
          .given(opened())
          .when(new CloseInquiry(ID, Finding.VIOLATION, "lookups without consent", T2))
          .expectEvents(
              new InquiryClosed(ID, KANAZAWA, Finding.VIOLATION, "lookups without consent", T2));
    }

    @Test
    void close_isRefused_theSecondTime() {
      fixture
          .given(opened(), closed())
          .when(new CloseInquiry(ID, Finding.VIOLATION, "again", T2))
          .expectException(RuleViolation.class)
          .expectExceptionMessage(containsString("is closed"))
          .expectNoEvents();
    }

    @Test
    void close_isRefused_withoutAFinding() {
      assertThatThrownBy(() -> new CloseInquiry(ID, null, "summary", T2))
          .isInstanceOf(InvalidField.class)
          .hasMessageContaining("finding");
    }
  }
}
