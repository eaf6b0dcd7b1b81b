package jp.emergencyaccess.ledger.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import jp.emergencyaccess.ledger.common.RuleViolation;
import jp.emergencyaccess.ledger.consent.ConsentBasis;
import jp.emergencyaccess.ledger.consent.ConsentIds;
import jp.emergencyaccess.ledger.consent.ConsentSummary;
import jp.emergencyaccess.ledger.consent.Identification;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MedicalInfoViewTest {
  private static final String FACILITY = "1710112341";
  private static final String PATIENT = "0123456789abcdef0123456789abcdef";
  private static final String CONSENT = ConsentIds.derive(FACILITY, "c-1");
  private static final String VIEW = ViewIds.derive(FACILITY, "r-1");
  private static final Instant AT = Instant.parse("2024-02-20T01:15:00Z");
  private static final CoveredBy REGION = CoveredBy.region("172049", "noto-2024-08");
  private static final List<InfoCategory> CATEGORIES = List.of(InfoCategory.MEDICATION);

  private AggregateTestFixture<MedicalInfoView> fixture;
  private ViewFacts facts;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(MedicalInfoView.class);
    // The resolver the application configures for this aggregate, so every test goes through it.
    fixture.registerCommandTargetResolver(new ViewTargetResolver());
    fixture.registerInjectableResource((DecisionFacts) command -> facts);
  }

  record OtherCommand(@TargetAggregateIdentifier String id) {}

  @Test
  void theTargetResolver_readsTheViewId_andLeavesOtherCommandsToTheirAnnotations() {
    ViewTargetResolver resolver = new ViewTargetResolver();
    assertThat(resolver.resolveTarget(GenericCommandMessage.asCommandMessage(view(CONSENT))))
        .extracting(VersionedAggregateIdentifier::getIdentifier)
        .isEqualTo(VIEW);
    assertThat(
            resolver.resolveTarget(
                GenericCommandMessage.asCommandMessage(new RecallView(view(CONSENT)))))
        .extracting(VersionedAggregateIdentifier::getIdentifier)
        .isEqualTo(VIEW);
    assertThat(
            resolver.resolveTarget(GenericCommandMessage.asCommandMessage(new OtherCommand("x"))))
        .extracting(VersionedAggregateIdentifier::getIdentifier)
        .isEqualTo("x");
    assertThatThrownBy(
            () -> resolver.resolveTarget(GenericCommandMessage.asCommandMessage("no target")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static ConsentSummary consent() {
    return new ConsentSummary(
        CONSENT,
        FACILITY,
        PATIENT,
        ConsentBasis.ORAL,
        Identification.FOUR_ATTRIBUTES,
        "nurse",
        AT.minusSeconds(300),
        null);
  }

  private static ViewMedicalInfo view(String consentId) {
    return new ViewMedicalInfo(
        VIEW, "r-1", FACILITY, "dr-1", ViewerRole.DOCTOR, PATIENT, CATEGORIES, consentId, AT, true);
  }

  private static MedicalInfoViewed viewed() {
    return new MedicalInfoViewed(
        VIEW,
        "r-1",
        FACILITY,
        "dr-1",
        ViewerRole.DOCTOR,
        PATIENT,
        CATEGORIES,
        CONSENT,
        ConsentBasis.ORAL,
        Identification.FOUR_ATTRIBUTES,
        REGION,
        AT);
  }

  @Test
  void view_isAllowed_andRecordedWithTheConsentAndTheCoverage() {
    facts = new ViewFacts(true, null, false, REGION, consent());
    fixture.givenNoPriorActivity().when(view(CONSENT)).expectEvents(viewed());
  }

  @Test
  void view_beforeTheFacilitysRegistration_isDeniedFacilityUnknown_andRecorded() {
    facts = new ViewFacts(true, AT.plusMillis(1), false, REGION, consent());
    var denied =
        new MedicalInfoViewDenied(
            VIEW,
            "r-1",
            FACILITY,
            "dr-1",
            ViewerRole.DOCTOR,
            PATIENT,
            CATEGORIES,
            CONSENT,
            ConsentBasis.ORAL,
            Identification.FOUR_ATTRIBUTES,
            REGION,
            List.of(DenialReason.FACILITY_UNKNOWN),
            AT);
    fixture.givenNoPriorActivity().when(view(CONSENT)).expectEvents(denied);
  }

  @Test
  void view_atTheInstantOfTheRegistration_isAllowed() {
    facts = new ViewFacts(true, AT, false, REGION, consent());
    fixture.givenNoPriorActivity().when(view(CONSENT)).expectEvents(viewed());
  }

  @Test
  void view_isDenied_andTheDenialRecordedWithEveryReason() {
    facts = new ViewFacts(true, null, false, null, null);
    var denied =
        new MedicalInfoViewDenied(
            VIEW,
            "r-1",
            FACILITY,
            "dr-1",
            ViewerRole.DOCTOR,
            PATIENT,
            CATEGORIES,
            null,
            null,
            null,
            null,
            List.of(DenialReason.NOT_ACTIVATED, DenialReason.CONSENT_MISSING),
            AT);
    fixture
        .givenNoPriorActivity()
        .when(view(null))
        .expectEvents(denied)
        .expectResultMessagePayload(ViewOutcome.of(denied));
  }

  @Test
  void aRecalledView_answersTheFirstDecision_andRecordsNothing_evenIfFactsChanged() {
    facts = new ViewFacts(false, null, true, null, null);
    ViewOutcome first = ViewOutcome.of(viewed());
    assertThat(first.lookup().decision()).isEqualTo(Decision.ALLOWED);
    fixture
        .given(viewed())
        .when(new RecallView(view(CONSENT)))
        .expectNoEvents()
        .expectResultMessagePayload(first.asReplay());
  }

  @Test
  void aRecalledView_thatLeftItsInstantToTheClock_matchesTheRecordedInstant() {
    ViewMedicalInfo stamped = view(CONSENT);
    ViewMedicalInfo later =
        new ViewMedicalInfo(
            VIEW,
            "r-1",
            FACILITY,
            "dr-1",
            ViewerRole.DOCTOR,
            PATIENT,
            CATEGORIES,
            CONSENT,
            stamped.at().plusSeconds(3600),
            false);
    fixture
        .given(viewed())
        .when(new RecallView(later))
        .expectNoEvents()
        .expectResultMessagePayload(ViewOutcome.of(viewed()).asReplay());
  }

  @Test
  void aRecalledView_askingForAnotherLookup_isRefused_andNamesTheFieldsNotTheirValues() {
    ViewMedicalInfo other =
        new ViewMedicalInfo(
            VIEW,
            "r-1",
            FACILITY,
            "dr-2",
            ViewerRole.DOCTOR,
            "fedcba9876543210fedcba9876543210",
            CATEGORIES,
            null,
            AT.plusSeconds(86_400),
            true);
    fixture
        .given(viewed())
        .when(new RecallView(other))
        .expectNoEvents()
        .expectException(RuleViolation.class)
        .expectExceptionMessage(
            "requestId r-1 of facility "
                + FACILITY
                + " already recorded view "
                + VIEW
                + " with other viewerId, patientId, consentId, at; nothing was recorded");
  }

  @Test
  void aViewNeverRecorded_cannotBeRecalled() {
    fixture
        .givenNoPriorActivity()
        .when(new RecallView(view(CONSENT)))
        .expectNoEvents()
        .expectException(AggregateNotFoundException.class);
  }

  @Test
  void view_isRefusedBeforeAnyDecision_whenItsShapeIsWrong() {
    assertThatThrownBy(
            () ->
                new ViewMedicalInfo(
                    VIEW,
                    "r-1",
                    FACILITY,
                    "dr-1",
                    ViewerRole.DOCTOR,
                    PATIENT,
                    List.of(),
                    null,
                    AT,
                    true))
        .hasMessageContaining("categories");
    assertThatThrownBy(
            () ->
                new ViewMedicalInfo(
                    VIEW,
                    "r 1",
                    FACILITY,
                    "dr-1",
                    ViewerRole.DOCTOR,
                    PATIENT,
                    CATEGORIES,
                    null,
                    AT,
                    true))
        .hasMessageContaining("requestId");
    assertThatThrownBy(
            () ->
                new ViewMedicalInfo(
                    VIEW, "r-1", FACILITY, "dr-1", null, PATIENT, CATEGORIES, null, AT, true))
        .hasMessageContaining("viewerRole");
  }

  @Test
  void viewIds_dependOnFacilityAndRequestId() {
    assertThat(ViewIds.derive(FACILITY, "r-1")).isEqualTo(VIEW);
    assertThat(ViewIds.derive("1740140015", "r-1")).isNotEqualTo(VIEW);
    assertThat(ViewIds.derive(FACILITY, "r-2")).isNotEqualTo(VIEW);
  }
}
