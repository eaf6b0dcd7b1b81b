package jp.emergencyaccess.ledger.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import jp.emergencyaccess.ledger.common.RuleViolation;
import jp.emergencyaccess.ledger.consent.ConsentWithdrawn;
import jp.emergencyaccess.ledger.consent.Pseudonyms;
import jp.emergencyaccess.ledger.consent.WithdrawConsent;
import jp.emergencyaccess.ledger.infra.GroupCommit;
import jp.emergencyaccess.ledger.support.HttpTest;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Lookups decided as one group (one transaction, {@link GroupCommit}): each keeps its own decision,
 * a repeat inside the group is refused by the store and then answered from the first ({@link
 * ViewRequests}), and a command that fails takes no other command of its group down with it. On H2
 * and on PostgreSQL.
 */
abstract class ViewGroupCommitScenarios extends HttpTest {
  private static final String CONSENTED = "2024-02-01T09:00:00+09:00";
  private static final Instant AT = OffsetDateTime.parse("2024-02-20T10:00:00+09:00").toInstant();

  @Autowired private GroupCommit groups;
  @Autowired private Pseudonyms pseudonyms;
  @Autowired private ViewRequests views;
  @Autowired private MeterRegistry meters;
  private AccessWorld world;
  private AccessWorld.Place clinic;

  @BeforeEach
  void setUpWorld() {
    world = new AccessWorld(api(), jdbc);
    clinic = world.registeredFacility();
    world.activate(clinic.municipality(), "2024-02-01", "2024-02-29");
  }

  @Test
  void lookupsSentTogether_eachGetTheirOwnDecision_andAreEachRecordedOnce() {
    String consent = world.consent(clinic, "P-G-1", CONSENTED);
    var allowed = lookup("g-allowed", "P-G-1", consent);
    var noConsent = lookup("g-no-consent", "P-G-1", null);
    var otherPatient = lookup("g-other", "P-G-2", consent);

    List<GroupCommit.Outcome> outcomes =
        groups.sendTogether(List.of(allowed, noConsent, otherPatient));

    assertThat(outcomes).extracting(GroupCommit.Outcome::failure).containsOnlyNulls();
    assertThat(outcomes)
        .extracting(o -> ((ViewOutcome) o.result()).lookup().decision())
        .containsExactly(Decision.ALLOWED, Decision.DENIED, Decision.DENIED);
    assertThat(((ViewOutcome) outcomes.get(1).result()).lookup().reasons())
        .containsExactly(DenialReason.CONSENT_MISSING);
    assertThat(((ViewOutcome) outcomes.get(2).result()).lookup().reasons())
        .containsExactly(DenialReason.CONSENT_MISMATCH);
    assertThat(world.storedTypes(allowed.viewId()))
        .containsExactly(MedicalInfoViewed.class.getName());
    assertThat(world.storedTypes(noConsent.viewId()))
        .containsExactly(MedicalInfoViewDenied.class.getName());
    assertThat(world.storedTypes(otherPatient.viewId()))
        .containsExactly(MedicalInfoViewDenied.class.getName());
    writingTransactions(allowed.viewId(), noConsent.viewId(), otherPatient.viewId())
        .ifPresent(count -> assertThat(count).as("transactions that wrote the group").isOne());
  }

  @Test
  void
      theSameLookupTwiceInOneGroup_isRecordedOnce_theStoreRefusesTheRepeat_andItIsAnsweredFromTheFirst() {
    String consent = world.consent(clinic, "P-G-3", CONSENTED);
    var first = lookup("g-twice", "P-G-3", consent);
    var again = lookup("g-twice", "P-G-3", consent);
    double refusedBefore = commands("ViewMedicalInfo", "rejected");

    List<GroupCommit.Outcome> outcomes = groups.sendTogether(List.of(first, again));

    ViewOutcome one = (ViewOutcome) outcomes.get(0).result();
    assertThat(one.replayed()).isFalse();
    assertThat(outcomes.get(1).failure()).isInstanceOf(AggregateStreamCreationException.class);
    assertThat(commands("ViewMedicalInfo", "rejected")).isEqualTo(refusedBefore + 1);
    ViewOutcome two = views.decide(again);
    assertThat(two.replayed()).isTrue();
    assertThat(two).isEqualTo(one.asReplay());
    assertThat(world.storedTypes(first.viewId()))
        .containsExactly(MedicalInfoViewed.class.getName());
  }

  @Test
  void aCommandThatFailsInAGroup_failsAlone_andTheOthersAreRecordedOnce() {
    String consent = world.consent(clinic, "P-G-4", CONSENTED);
    String withdrawn = world.consent(clinic, "P-G-5", CONSENTED);
    assertThat(world.withdraw(clinic, withdrawn, "2024-02-10T09:00:00+09:00").status())
        .isEqualTo(201);
    var before = lookup("g-before", "P-G-4", consent);
    var after = lookup("g-after", "P-G-4", consent);
    double decided = commands("ViewMedicalInfo", "success");
    double failed = commands("ViewMedicalInfo", "error") + commands("ViewMedicalInfo", "rejected");
    double refused = commands("WithdrawConsent", "rejected");

    List<GroupCommit.Outcome> outcomes =
        groups.sendTogether(List.of(before, new WithdrawConsent(withdrawn, AT), after));

    // Each counted once, alone: not also when their group was rolled back.
    assertThat(commands("ViewMedicalInfo", "success")).isEqualTo(decided + 2);
    assertThat(commands("ViewMedicalInfo", "error") + commands("ViewMedicalInfo", "rejected"))
        .isEqualTo(failed);
    assertThat(commands("WithdrawConsent", "rejected")).isEqualTo(refused + 1);

    assertThat(outcomes.get(0).failure()).isNull();
    assertThat(outcomes.get(1).failure()).isInstanceOf(RuleViolation.class);
    assertThat(outcomes.get(2).failure()).isNull();
    assertThat(world.storedTypes(before.viewId()))
        .containsExactly(MedicalInfoViewed.class.getName());
    assertThat(world.storedTypes(after.viewId()))
        .containsExactly(MedicalInfoViewed.class.getName());
    writingTransactions(before.viewId(), after.viewId())
        .ifPresent(count -> assertThat(count).as("each sent again alone").isEqualTo(2));
    assertThat(world.storedTypes(withdrawn))
        .endsWith(ConsentWithdrawn.class.getName())
        .filteredOn(ConsentWithdrawn.class.getName()::equals)
        .hasSize(1);
  }

  private double commands(String command, String outcome) {
    var counter =
        meters.find("ledger.commands").tag("command", command).tag("outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }

  /**
   * How many database transactions wrote the events of these aggregates, where the store can tell
   * (PostgreSQL: the rows' {@code xmin}); empty where it cannot (H2).
   */
  protected abstract Optional<Long> writingTransactions(String... aggregateIds);

  private ViewMedicalInfo lookup(String requestId, String patientId, String consentId) {
    return new ViewMedicalInfo(
        ViewIds.derive(clinic.facilityCode(), requestId),
        requestId,
        clinic.facilityCode(),
        "dr-kinjo",
        ViewerRole.DOCTOR,
        pseudonyms.refOf(patientId),
        List.of(InfoCategory.MEDICATION),
        consentId,
        AT,
        true);
  }
}
