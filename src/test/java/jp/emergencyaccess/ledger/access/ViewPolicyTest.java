package jp.emergencyaccess.ledger.access;

import static jp.emergencyaccess.ledger.access.DenialReason.CONSENT_MISMATCH;
import static jp.emergencyaccess.ledger.access.DenialReason.CONSENT_MISSING;
import static jp.emergencyaccess.ledger.access.DenialReason.CONSENT_WITHDRAWN;
import static jp.emergencyaccess.ledger.access.DenialReason.FACILITY_SUSPENDED;
import static jp.emergencyaccess.ledger.access.DenialReason.FACILITY_UNKNOWN;
import static jp.emergencyaccess.ledger.access.DenialReason.NOT_ACTIVATED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import jp.emergencyaccess.ledger.consent.ConsentBasis;
import jp.emergencyaccess.ledger.consent.ConsentSummary;
import jp.emergencyaccess.ledger.consent.Identification;
import org.junit.jupiter.api.Test;

class ViewPolicyTest {
  private static final String FACILITY = "1710112341";
  private static final String OTHER_FACILITY = "1740140015";
  private static final String PATIENT = "0123456789abcdef0123456789abcdef";
  private static final String OTHER_PATIENT = "fedcba9876543210fedcba9876543210";
  private static final Instant AT = Instant.parse("2024-02-20T01:15:00Z");
  private static final CoveredBy REGION = CoveredBy.region("172049", "noto-2024-08");

  private static ConsentSummary consent(String facility, String patient, Instant at) {
    return new ConsentSummary(
        "c", facility, patient, ConsentBasis.ORAL, Identification.ID_DOCUMENT, "nurse", at, null);
  }

  private static ConsentSummary validConsent() {
    return consent(FACILITY, PATIENT, AT.minusSeconds(60));
  }

  private static ConsentSummary withdrawnAt(Instant withdrawnAt) {
    ConsentSummary c = validConsent();
    return new ConsentSummary(
        c.consentId(),
        c.facilityCode(),
        c.patientRef(),
        c.basis(),
        c.identification(),
        c.recordedBy(),
        c.at(),
        withdrawnAt);
  }

  private static ViewFacts facts(
      boolean registered, boolean suspended, CoveredBy covered, ConsentSummary consent) {
    return new ViewFacts(registered, null, suspended, covered, consent);
  }

  private static List<DenialReason> decide(ViewFacts facts) {
    return ViewPolicy.denialReasons(FACILITY, PATIENT, AT, facts);
  }

  @Test
  void allowed_whenEveryRuleHolds() {
    assertThat(decide(facts(true, false, REGION, validConsent()))).isEmpty();
  }

  @Test
  void allowed_byAnIndividualActivation_andAConsentRecordedAtTheVeryInstant() {
    var consent = consent(FACILITY, PATIENT, AT);
    assertThat(decide(facts(true, false, CoveredBy.facility("app-1"), consent))).isEmpty();
  }

  @Test
  void facilityUnknown_beforeTheInstantOfItsRegistration_andKnownFromIt() {
    var registeredLater = new ViewFacts(true, AT.plusMillis(1), false, REGION, validConsent());
    assertThat(decide(registeredLater)).containsExactly(DenialReason.FACILITY_UNKNOWN);
    var registeredThen = new ViewFacts(true, AT, false, REGION, validConsent());
    assertThat(decide(registeredThen)).isEmpty();
  }

  @Test
  void facilityUnknown_alone() {
    assertThat(decide(facts(false, false, REGION, validConsent())))
        .containsExactly(FACILITY_UNKNOWN);
  }

  @Test
  void facilitySuspended_alone() {
    assertThat(decide(facts(true, true, REGION, validConsent())))
        .containsExactly(FACILITY_SUSPENDED);
  }

  @Test
  void notActivated_alone() {
    assertThat(decide(facts(true, false, null, validConsent()))).containsExactly(NOT_ACTIVATED);
  }

  @Test
  void consentMissing_whenNoneWasFound() {
    assertThat(decide(facts(true, false, REGION, null))).containsExactly(CONSENT_MISSING);
  }

  @Test
  void consentMissing_whenItWasRecordedOneMillisecondAfterTheLookup() {
    var later = consent(FACILITY, PATIENT, AT.plusMillis(1));
    assertThat(decide(facts(true, false, REGION, later))).containsExactly(CONSENT_MISSING);
  }

  @Test
  void consentMismatch_forAnotherFacilitysConsent() {
    var other = consent(OTHER_FACILITY, PATIENT, AT.minusSeconds(1));
    assertThat(decide(facts(true, false, REGION, other))).containsExactly(CONSENT_MISMATCH);
  }

  @Test
  void consentMismatch_forAnotherPatientsConsent() {
    var other = consent(FACILITY, OTHER_PATIENT, AT.minusSeconds(1));
    assertThat(decide(facts(true, false, REGION, other))).containsExactly(CONSENT_MISMATCH);
  }

  @Test
  void consentWithdrawn_whenWithdrawnBeforeTheLookup() {
    assertThat(decide(facts(true, false, REGION, withdrawnAt(AT.minusMillis(1)))))
        .containsExactly(CONSENT_WITHDRAWN);
  }

  @Test
  void aWithdrawalAtTheVeryInstant_orLater_stillAllows() {
    assertThat(decide(facts(true, false, REGION, withdrawnAt(AT)))).isEmpty();
    assertThat(decide(facts(true, false, REGION, withdrawnAt(AT.plusSeconds(1))))).isEmpty();
  }

  @Test
  void everyFailedRuleIsNamed_whenSeveralFail() {
    assertThat(decide(facts(false, true, null, null)))
        .containsExactly(FACILITY_UNKNOWN, FACILITY_SUSPENDED, NOT_ACTIVATED, CONSENT_MISSING);
  }

  @Test
  void mismatchAndWithdrawal_areBothNamed() {
    var c = withdrawnAt(AT.minusSeconds(1));
    var otherPatientsWithdrawn =
        new ConsentSummary(
            c.consentId(),
            c.facilityCode(),
            OTHER_PATIENT,
            c.basis(),
            c.identification(),
            c.recordedBy(),
            c.at(),
            c.withdrawnAt());
    assertThat(decide(facts(true, false, null, otherPatientsWithdrawn)))
        .containsExactly(NOT_ACTIVATED, CONSENT_MISMATCH, CONSENT_WITHDRAWN);
  }
}
