package jp.emergencyaccess.ledger.consent;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConsentTest {
  private static final String ID = ConsentIds.derive("1710112341", "req-1");
  private static final String FACILITY = "1710112341";
  private static final String PATIENT = "0123456789abcdef0123456789abcdef";
  private static final Instant AT = Instant.parse("2024-02-20T01:00:00Z");
  private AggregateTestFixture<Consent> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Consent.class);
  }

  private static RecordConsent oral() {
    return new RecordConsent(
        ID,
        FACILITY,
        PATIENT,
        ConsentBasis.ORAL,
        Identification.INSURED_NUMBER,
        null,
        "nurse Sato",
        AT,
        true);
  }

  private static ConsentRecorded recorded() {
    return new ConsentRecorded(
        ID,
        FACILITY,
        PATIENT,
        ConsentBasis.ORAL,
        Identification.INSURED_NUMBER,
        null,
        "nurse Sato",
        AT);
  }

  @Nested
  class Record {
    @Test
    void record_recordsTheConsent() {
      fixture
          .givenNoPriorActivity()
          .when(oral())
          .expectEvents(recorded())
          .expectResultMessagePayload(new ConsentReceipt(ID, PATIENT, false));
    }

    @Test
    void record_withAnExemption_keepsItsReason() {
      var command =
          new RecordConsent(
              ID,
              FACILITY,
              PATIENT,
              ConsentBasis.EMERGENCY_EXEMPTION,
              Identification.FAMILY_INFO,
              "unconscious, no family reachable",
              "Dr. Ito",
              AT,
              true);
      fixture
          .givenNoPriorActivity()
          .when(command)
          .expectEvents(
              new ConsentRecorded(
                  ID,
                  FACILITY,
                  PATIENT,
                  ConsentBasis.EMERGENCY_EXEMPTION,
                  Identification.FAMILY_INFO,
                  "unconscious, no family reachable",
                  "Dr. Ito",
                  AT));
    }

    @Test
    void record_again_answersTheFirstRecord_andRecordsNothing() {
      fixture
          .given(recorded())
          .when(oral())
          .expectNoEvents()
          .expectResultMessagePayload(new ConsentReceipt(ID, PATIENT, true));
    }

    @Test
    void record_again_withOtherFacts_isRefusedAsAReusedRequestId_andRecordsNothing() {
      fixture
          .given(recorded())
          .when(
              new RecordConsent(
                  ID,
                  FACILITY,
                  PATIENT,
                  ConsentBasis.ORAL,
                  Identification.ID_DOCUMENT,
                  null,
                  "nurse Sato",
                  AT.plusSeconds(60),
                  true))
          .expectNoEvents()
          .expectException(RuleViolation.class)
          .expectExceptionMessage(containsString("with other identification, at;"));
    }

    @Test
    void record_isRefused_whenAnExemptionHasNoReason_orOralHasOne() {
      assertThatThrownBy(
              () ->
                  new RecordConsent(
                      ID,
                      FACILITY,
                      PATIENT,
                      ConsentBasis.EMERGENCY_EXEMPTION,
                      Identification.FAMILY_INFO,
                      " ",
                      "Dr. Ito",
                      AT,
                      true))
          .isInstanceOf(InvalidField.class)
          .hasMessageContaining("exemptionReason");
      assertThatThrownBy(
              () ->
                  new RecordConsent(
                      ID,
                      FACILITY,
                      PATIENT,
                      ConsentBasis.ORAL,
                      Identification.FAMILY_INFO,
                      "why",
                      "Dr. Ito",
                      AT,
                      true))
          .hasMessageContaining("only for basis EMERGENCY_EXEMPTION");
    }

    @Test
    void record_isRefused_withoutBasisIdentificationOrRecorder() {
      assertThatThrownBy(
              () ->
                  new RecordConsent(
                      ID, FACILITY, PATIENT, null, Identification.ID_DOCUMENT, null, "x", AT, true))
          .hasMessageContaining("basis");
      assertThatThrownBy(
              () ->
                  new RecordConsent(
                      ID, FACILITY, PATIENT, ConsentBasis.ORAL, null, null, "x", AT, true))
          .hasMessageContaining("identification");
      assertThatThrownBy(
              () ->
                  new RecordConsent(
                      ID,
                      FACILITY,
                      PATIENT,
                      ConsentBasis.ORAL,
                      Identification.ID_DOCUMENT,
                      null,
                      "",
                      AT,
                      true))
          .hasMessageContaining("recordedBy");
    }
  }

  @Nested
  class Withdraw {
    @Test
    void withdraw_recordsTheWithdrawal() {
      Instant later = AT.plusSeconds(3600);
      fixture
          .given(recorded())
          .when(new WithdrawConsent(ID, later))
          .expectEvents(new ConsentWithdrawn(ID, FACILITY, PATIENT, later));
    }

    @Test
    void withdraw_isRefused_whenAlreadyWithdrawn() {
      fixture
          .given(recorded(), new ConsentWithdrawn(ID, FACILITY, PATIENT, AT.plusSeconds(1)))
          .when(new WithdrawConsent(ID, AT.plusSeconds(2)))
          .expectException(RuleViolation.class)
          .expectExceptionMessage(org.hamcrest.Matchers.containsString("already withdrawn"))
          .expectNoEvents();
    }

    @Test
    void withdraw_isRefused_beforeTheConsentWasRecorded() {
      fixture
          .given(recorded())
          .when(new WithdrawConsent(ID, AT.minusSeconds(1)))
          .expectException(RuleViolation.class)
          .expectNoEvents();
    }

    @Test
    void withdraw_isRefused_forAnUnknownConsent() {
      fixture
          .givenNoPriorActivity()
          .when(new WithdrawConsent(ID, AT))
          .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
    }
  }
}
