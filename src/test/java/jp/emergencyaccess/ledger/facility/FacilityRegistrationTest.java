package jp.emergencyaccess.ledger.facility;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.Recorded;
import jp.emergencyaccess.ledger.common.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RegisterFacility: the aggregate's rule, and the shape checks of the command itself. */
class FacilityRegistrationTest {
  static final String TOYAMA_PHARMACY = "1640110019";
  static final String TOYAMA_CITY = "162019";
  static final Instant AT = Instant.parse("2024-02-15T01:00:00Z");
  private AggregateTestFixture<Facility> fixture;

  static RegisterFacility register(String code, FacilityKind kind, String municipality) {
    return new RegisterFacility(
        code,
        kind,
        "富山駅前薬局",
        "トヤマエキマエヤッキョク",
        "930-0001",
        "富山県富山市明輪町1-1",
        municipality,
        "076-000-0000",
        AT,
        true);
  }

  static FacilityRegistered registered() {
    return new FacilityRegistered(
        TOYAMA_PHARMACY,
        FacilityKind.PHARMACY,
        "富山駅前薬局",
        "トヤマエキマエヤッキョク",
        "930-0001",
        "富山県富山市明輪町1-1",
        TOYAMA_CITY,
        "076-000-0000",
        AT);
  }

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(Facility.class);
  }

  @Test
  void register_isRecorded_forANewFacility() {
    fixture
        .givenNoPriorActivity()
        .when(register(TOYAMA_PHARMACY, FacilityKind.PHARMACY, TOYAMA_CITY))
        .expectSuccessfulHandlerExecution()
        .expectEvents(registered());
  }

  @Test
  void register_again_withTheSameMasterData_answersTheRecordedFacility_andRecordsNothing() {
    fixture
        .given(registered())
        .when(register(TOYAMA_PHARMACY, FacilityKind.PHARMACY, TOYAMA_CITY))
        .expectSuccessfulHandlerExecution()
        .expectResultMessagePayload(Recorded.replayed(TOYAMA_PHARMACY))
        .expectNoEvents();
  }

  @Test
  void register_isRefused_whenTheFacilityIsAlreadyRegisteredWithOtherMasterData() {
    RegisterFacility same = register(TOYAMA_PHARMACY, FacilityKind.PHARMACY, TOYAMA_CITY);
    fixture
        .given(registered())
        .when(
            new RegisterFacility(
                same.facilityCode(),
                same.kind(),
                "富山駅北薬局",
                same.nameKana(),
                same.postalCode(),
                same.address(),
                same.municipalityCode(),
                same.phone(),
                same.at(),
                true))
        .expectException(RuleViolation.class)
        .expectExceptionMessage(containsString("already registered"))
        .expectNoEvents();
  }

  @Test
  void register_again_atAnotherStatedInstant_isRefused_butAnUnstatedOneMatches() {
    RegisterFacility same = register(TOYAMA_PHARMACY, FacilityKind.PHARMACY, TOYAMA_CITY);
    fixture
        .given(registered())
        .when(restamped(same, true))
        .expectException(RuleViolation.class)
        .expectNoEvents();
    fixture
        .given(registered())
        .when(restamped(same, false))
        .expectResultMessagePayload(Recorded.replayed(TOYAMA_PHARMACY))
        .expectNoEvents();
  }

  private static RegisterFacility restamped(RegisterFacility c, boolean stated) {
    return new RegisterFacility(
        c.facilityCode(),
        c.kind(),
        c.name(),
        c.nameKana(),
        c.postalCode(),
        c.address(),
        c.municipalityCode(),
        c.phone(),
        c.at().plusSeconds(60),
        stated);
  }

  @Test
  void register_isRefused_whenTheKindDoesNotFitTheScoreTableNumber() {
    assertThatThrownBy(() -> register(TOYAMA_PHARMACY, FacilityKind.CLINIC, TOYAMA_CITY))
        .isInstanceOf(InvalidField.class)
        .hasMessageContaining("facilityCode")
        .hasMessageContaining("score-table number 4 does not fit kind CLINIC");
  }

  @Test
  void register_isRefused_whenTheCheckDigitIsWrong() {
    assertThatThrownBy(() -> register("1640110018", FacilityKind.PHARMACY, TOYAMA_CITY))
        .isInstanceOf(InvalidField.class)
        .hasMessageContaining("check digit is wrong (expected 9)");
  }

  @Test
  void register_isRefused_whenTheMunicipalityLiesInAnotherPrefecture() {
    assertThatThrownBy(() -> register(TOYAMA_PHARMACY, FacilityKind.PHARMACY, "172014"))
        .isInstanceOf(InvalidField.class)
        .hasMessageContaining("municipalityCode")
        .hasMessageContaining("prefecture 17");
  }

  @Test
  void register_isRefused_whenTheTableNumberIsNoneOfTheThree() {
    String nine = "162011001";
    String code = nine + FacilityCode.checkDigit(nine);
    assertThatThrownBy(() -> register(code, FacilityKind.PHARMACY, TOYAMA_CITY))
        .isInstanceOf(InvalidField.class)
        .hasMessageContaining("score-table number must be 1 (medical), 3 (dental) or 4");
  }

  @Test
  void theCheckDigit_followsTheMinistrysWorkedExample() {
    org.assertj.core.api.Assertions.assertThat(FacilityCode.checkDigit("341071236")).isEqualTo(2);
    org.assertj.core.api.Assertions.assertThat(FacilityCode.checkDigit("011011371")).isEqualTo(9);
  }
}
