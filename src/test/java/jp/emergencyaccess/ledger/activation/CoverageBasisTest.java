package jp.emergencyaccess.ledger.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.emergencyaccess.ledger.facility.FacilityDirectory;
import jp.emergencyaccess.ledger.facility.FacilityKind;
import jp.emergencyaccess.ledger.facility.FacilitySummary;
import org.junit.jupiter.api.Test;

/**
 * The basis a coverage check gives: the change under which the instant was first covered, the
 * chain, and whether it was retroactive; and a facility not yet registered at the instant.
 */
class CoverageBasisTest {
  private static final String NANAO = "172022";
  private static final String CLINIC = "1710990019";

  private final List<ActivationChange> rows = new ArrayList<>();
  private final FacilityCoverage coverage =
      new FacilityCoverage(
          new ActivationQueries(new RowsActivationLog(rows)),
          new FacilityDirectory() {
            public Optional<FacilitySummary> find(String code) {
              return Optional.empty();
            }

            public Set<String> registeredAmong(Collection<String> codes) {
              return Set.of();
            }
          });

  private static FacilitySummary clinic(Instant registeredAt) {
    return new FacilitySummary(
        CLINIC,
        FacilityKind.CLINIC,
        "c",
        "c",
        "926-8611",
        "Nanao",
        NANAO,
        "0767",
        Instant.EPOCH,
        registeredAt);
  }

  private static Instant jst(String localDateTime) {
    return Instant.parse(localDateTime + "+09:00");
  }

  private void region(ActivationChange.Change change, String until, String notice, String issued) {
    rows.add(
        new ActivationChange(
            rows.size() + 1,
            ActivationChange.Kind.REGION,
            NANAO,
            change,
            LocalDate.parse("2024-01-01"),
            LocalDate.parse(until),
            null,
            notice,
            "noto-2024",
            rows.size() + 1,
            issued == null ? null : LocalDate.parse(issued),
            null,
            Instant.EPOCH,
            Instant.EPOCH));
  }

  private void own(ActivationChange.Change change, String until, String application, String at) {
    rows.add(
        new ActivationChange(
            rows.size() + 1,
            ActivationChange.Kind.FACILITY,
            CLINIC,
            change,
            LocalDate.parse("2024-04-01"),
            LocalDate.parse(until),
            null,
            null,
            null,
            null,
            null,
            application,
            jst(at),
            Instant.EPOCH));
  }

  /** The 2024 Noto series for 七尾市, as recorded up to (その9). */
  private void nanao() {
    region(ActivationChange.Change.ACTIVATED, "2024-01-07", "scope-1", "2024-01-01");
    region(ActivationChange.Change.EXTENDED, "2024-01-14", "ext-1", "2024-01-05");
    region(ActivationChange.Change.EXTENDED, "2024-02-14", "ext-2-7", "2024-01-12");
    region(ActivationChange.Change.EXTENDED, "2024-02-29", "ext-8", "2024-02-13");
    region(ActivationChange.Change.EXTENDED, "2024-03-07", "ext-9", "2024-02-27");
  }

  private CoverageBasis basisAt(Instant at) {
    Coverage covered = coverage.of(clinic(Instant.EPOCH), at, AsOf.EVERYTHING);
    assertThat(covered.active()).as(covered.toString()).isTrue();
    return covered.coveredBy();
  }

  @Test
  void eachLookupNamesTheNoticeThatFirstCoveredItsDay_notTheOneThatSetTheLastDay() {
    nanao();
    assertThat(basisAt(jst("2024-01-03T12:00:00")).noticeId()).isEqualTo("scope-1");
    assertThat(basisAt(jst("2024-01-07T23:59:59.999")).noticeId()).isEqualTo("scope-1");
    assertThat(basisAt(jst("2024-01-08T00:00:00")).noticeId()).isEqualTo("ext-1");
    assertThat(basisAt(jst("2024-01-20T09:00:00")).noticeId()).isEqualTo("ext-2-7");
    assertThat(basisAt(jst("2024-02-20T09:00:00")).noticeId()).isEqualTo("ext-8");
    CoverageBasis march = basisAt(jst("2024-03-05T09:00:00"));
    assertThat(march.noticeId()).isEqualTo("ext-9");
    assertThat(march.notices()).containsExactly("scope-1", "ext-1", "ext-2-7", "ext-8", "ext-9");
    assertThat(march.retroactive()).isFalse();
    assertThat(march.until()).isEqualTo(LocalDate.parse("2024-03-07"));
  }

  @Test
  void aNoticeIssuedAfterTheLookupsDayInJapan_isRetroactive_oneOfTheSameDayIsNot() {
    region(ActivationChange.Change.ACTIVATED, "2024-01-31", "late", "2024-01-10");
    assertThat(basisAt(jst("2024-01-09T23:59:59.999")).retroactive()).isTrue();
    assertThat(basisAt(jst("2024-01-10T00:00:00")).retroactive()).isFalse();
    assertThat(basisAt(jst("2024-01-20T00:00:00")).retroactive()).isFalse();
  }

  @Test
  void aDayCutOffByAnEnd_isCoveredByTheChangeThatCoveredItAgain() {
    region(ActivationChange.Change.ACTIVATED, "2024-01-31", "act", "2024-01-01");
    region(ActivationChange.Change.ENDED, "2024-01-10", "end", "2024-01-05");
    region(ActivationChange.Change.EXTENDED, "2024-01-25", "again", "2024-01-15");
    CoverageBasis cutOff = basisAt(jst("2024-01-12T09:00:00"));
    assertThat(cutOff.noticeId()).isEqualTo("again");
    assertThat(cutOff.retroactive()).isTrue();
    assertThat(cutOff.notices()).containsExactly("act", "end", "again");
    assertThat(basisAt(jst("2024-01-08T09:00:00")).noticeId()).isEqualTo("act");
  }

  @Test
  void aNoticeWithoutAKnownIssueDate_leavesRetroactiveUnknown() {
    region(ActivationChange.Change.ACTIVATED, "2024-01-31", "unknown-date", null);
    assertThat(basisAt(jst("2024-01-05T09:00:00")).retroactive()).isNull();
  }

  @Test
  void anIndividualActivation_namesItsFirstCoveringApplication_retroactiveWhenApprovedLater() {
    own(ActivationChange.Change.ACTIVATED, "2024-04-15", "app-1", "2024-04-03T10:00:00");
    own(ActivationChange.Change.EXTENDED, "2024-04-30", "app-2", "2024-04-20T10:00:00");
    CoverageBasis early = basisAt(jst("2024-04-02T09:00:00"));
    assertThat(early.kind()).isEqualTo(ActivationChange.Kind.FACILITY);
    assertThat(early.applicationId()).isEqualTo("app-1");
    assertThat(early.applications()).containsExactly("app-1", "app-2");
    assertThat(early.retroactive()).as("approved the next day").isTrue();
    assertThat(basisAt(jst("2024-04-03T10:00:00")).retroactive()).isFalse();
    CoverageBasis extended = basisAt(jst("2024-04-18T09:00:00"));
    assertThat(extended.applicationId()).isEqualTo("app-2");
    assertThat(extended.retroactive()).isTrue();
    assertThat(basisAt(jst("2024-04-25T09:00:00")).retroactive()).isFalse();
  }

  @Test
  void asOfARevision_theChainEndsWithTheNoticesUpToIt() {
    nanao();
    var ext1 =
        new jp.emergencyaccess.ledger.notice.NoticeSummary(
            "ext-1", "noto-2024", 2, LocalDate.parse("2024-01-05"), "t", null, Instant.EPOCH);
    Coverage covered =
        coverage.of(clinic(Instant.EPOCH), jst("2024-01-10T09:00:00"), AsOf.revision(ext1));
    assertThat(covered.coveredBy().notices()).containsExactly("scope-1", "ext-1");
    assertThat(covered.coveredBy().noticeId()).isEqualTo("ext-1");
  }

  @Test
  void beforeItsRegistration_aFacilityIsNotActive_butItsRegionsPeriodIsNamed() {
    nanao();
    Instant registered = jst("2024-01-10T09:00:00");
    Coverage before = coverage.of(clinic(registered), registered.minusMillis(1), AsOf.EVERYTHING);
    assertThat(before.active()).isFalse();
    assertThat(before.reasons()).containsExactly(Coverage.FACILITY_UNKNOWN);
    assertThat(before.coveredBy().noticeId()).isEqualTo("ext-1");
    assertThat(coverage.of(clinic(registered), registered, AsOf.EVERYTHING).active()).isTrue();
    assertThat(coverage.of(clinic(null), Instant.EPOCH.plusSeconds(1), AsOf.EVERYTHING).reasons())
        .as("a registration whose instant is not known counts as registered")
        .containsExactly(Coverage.NOT_ACTIVATED);
  }
}
