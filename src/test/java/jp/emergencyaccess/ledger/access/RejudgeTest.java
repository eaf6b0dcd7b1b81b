package jp.emergencyaccess.ledger.access;

import static jp.emergencyaccess.ledger.access.DenialReason.CONSENT_MISSING;
import static jp.emergencyaccess.ledger.access.DenialReason.FACILITY_SUSPENDED;
import static jp.emergencyaccess.ledger.access.DenialReason.FACILITY_UNKNOWN;
import static jp.emergencyaccess.ledger.access.DenialReason.NOT_ACTIVATED;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.emergencyaccess.ledger.activation.ActivationChange;
import jp.emergencyaccess.ledger.activation.ActivationQueries;
import jp.emergencyaccess.ledger.activation.AsOf;
import jp.emergencyaccess.ledger.activation.FacilityCoverage;
import jp.emergencyaccess.ledger.activation.RowsActivationLog;
import jp.emergencyaccess.ledger.facility.FacilityDirectory;
import jp.emergencyaccess.ledger.facility.FacilityKind;
import jp.emergencyaccess.ledger.facility.FacilitySummary;
import jp.emergencyaccess.ledger.notice.NoticeSummary;
import org.junit.jupiter.api.Test;

/** Re-judging a view under a revision: only NOT_ACTIVATED is decided again. */
class RejudgeTest {
  private static final String NANAO = "172022";
  private static final String ISHIKAWA = "170003";
  private static final String PHARMACY = "1740140015";
  private static final Instant FEB_20 = Instant.parse("2024-02-20T01:15:00Z");
  private static final NoticeSummary EXT_2_7 = notice("noto-2024-ext-2-7", 4);
  private static final NoticeSummary EXT_8 = notice("noto-2024-ext-8", 5);

  private final List<ActivationChange> rows = new ArrayList<>();
  private final Rejudge rejudge =
      new Rejudge(
          new FacilityCoverage(
              new ActivationQueries(new RowsActivationLog(rows)),
              new FacilityDirectory() {
                public Optional<FacilitySummary> find(String code) {
                  return Optional.empty();
                }

                public Set<String> registeredAmong(Collection<String> codes) {
                  return Set.of();
                }
              }));

  /** The pharmacy in 七尾市. */
  private static final FacilitySummary FACILITY =
      new FacilitySummary(
          PHARMACY,
          FacilityKind.PHARMACY,
          "p",
          "p",
          "926-0000",
          "Nanao",
          NANAO,
          "0767",
          Instant.EPOCH,
          Instant.EPOCH);

  private static NoticeSummary notice(String id, int revision) {
    return new NoticeSummary(
        id, "noto-2024", revision, LocalDate.of(2024, 2, 13), id, null, Instant.EPOCH);
  }

  private void region(ActivationChange.Change change, String code, String until, NoticeSummary n) {
    rows.add(
        new ActivationChange(
            rows.size() + 1,
            ActivationChange.Kind.REGION,
            code,
            change,
            LocalDate.parse("2024-01-01"),
            LocalDate.parse(until),
            null,
            n.noticeId(),
            n.series(),
            n.revision(),
            n.issuedOn(),
            null,
            Instant.EPOCH,
            Instant.EPOCH));
  }

  private void nanaoSeries() {
    region(ActivationChange.Change.ACTIVATED, NANAO, "2024-01-07", notice("noto-2024-scope-1", 1));
    region(ActivationChange.Change.EXTENDED, NANAO, "2024-02-14", EXT_2_7);
    region(ActivationChange.Change.EXTENDED, NANAO, "2024-02-29", EXT_8);
  }

  @Test
  void aViewAllowedUnderTheEighthNotice_isDeniedUnderTheOneBefore() {
    nanaoSeries();
    Rejudged under8 = rejudge.under(FACILITY, FEB_20, List.of(), AsOf.revision(EXT_8));
    assertThat(under8.decision()).isEqualTo(Decision.ALLOWED);
    assertThat(under8.coveredBy().noticeId()).isEqualTo(EXT_8.noticeId());
    Rejudged under27 = rejudge.under(FACILITY, FEB_20, List.of(), AsOf.revision(EXT_2_7));
    assertThat(under27.decision()).isEqualTo(Decision.DENIED);
    assertThat(under27.reasons()).containsExactly(NOT_ACTIVATED);
    assertThat(under27.coveredBy()).isNull();
  }

  @Test
  void reasonsThatDoNotDependOnNotices_areCarriedOver() {
    nanaoSeries();
    Rejudged consentStillMissing =
        rejudge.under(FACILITY, FEB_20, List.of(CONSENT_MISSING), AsOf.revision(EXT_8));
    assertThat(consentStillMissing.decision()).isEqualTo(Decision.DENIED);
    assertThat(consentStillMissing.reasons()).containsExactly(CONSENT_MISSING);
    Rejudged both =
        rejudge.under(
            FACILITY, FEB_20, List.of(FACILITY_SUSPENDED, CONSENT_MISSING), AsOf.revision(EXT_2_7));
    assertThat(both.reasons()).containsExactly(FACILITY_SUSPENDED, NOT_ACTIVATED, CONSENT_MISSING);
  }

  @Test
  void aViewDeniedOnlyForActivation_isAllowedUnderALaterRevision() {
    nanaoSeries();
    Rejudged judgement = rejudge.under(FACILITY, FEB_20, List.of(NOT_ACTIVATED), AsOf.EVERYTHING);
    assertThat(judgement.decision()).isEqualTo(Decision.ALLOWED);
    assertThat(judgement.reasons()).isEmpty();
  }

  @Test
  void thePrefecture_andTheFacilitysOwnActivation_coverItToo() {
    region(ActivationChange.Change.ACTIVATED, ISHIKAWA, "2024-02-29", EXT_8);
    assertThat(rejudge.under(FACILITY, FEB_20, List.of(), AsOf.EVERYTHING).decision())
        .isEqualTo(Decision.ALLOWED);
    assertThat(rejudge.under(FACILITY, FEB_20, List.of(), AsOf.revision(EXT_2_7)).decision())
        .isEqualTo(Decision.DENIED);
    rows.add(
        new ActivationChange(
            rows.size() + 1,
            ActivationChange.Kind.FACILITY,
            PHARMACY,
            ActivationChange.Change.ACTIVATED,
            LocalDate.parse("2024-02-15"),
            LocalDate.parse("2024-03-15"),
            null,
            null,
            null,
            null,
            null,
            "app-1",
            Instant.EPOCH,
            Instant.EPOCH));
    Rejudged own = rejudge.under(FACILITY, FEB_20, List.of(), AsOf.revision(EXT_2_7));
    assertThat(own.decision())
        .as("facility activations are not limited by a revision")
        .isEqualTo(Decision.ALLOWED);
    assertThat(own.coveredBy().applicationId()).isEqualTo("app-1");
  }

  @Test
  void anUnknownFacility_keepsItsOriginalReasons() {
    nanaoSeries();
    Rejudged judgement =
        rejudge.under(null, FEB_20, List.of(FACILITY_UNKNOWN, NOT_ACTIVATED), AsOf.EVERYTHING);
    assertThat(judgement.reasons()).containsExactly(FACILITY_UNKNOWN, NOT_ACTIVATED);
  }

  @Test
  void aFacilityRegisteredAfterTheView_keepsFacilityUnknownFirst() {
    nanaoSeries();
    Rejudged judgement =
        rejudge.under(
            FACILITY,
            FEB_20,
            List.of(FACILITY_UNKNOWN, NOT_ACTIVATED, CONSENT_MISSING),
            AsOf.revision(EXT_2_7));
    assertThat(judgement.reasons())
        .containsExactly(FACILITY_UNKNOWN, NOT_ACTIVATED, CONSENT_MISSING);
  }
}
