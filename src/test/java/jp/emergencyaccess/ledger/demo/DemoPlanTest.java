package jp.emergencyaccess.ledger.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import jp.emergencyaccess.ledger.activation.NoticeSeriesLoader;
import jp.emergencyaccess.ledger.consent.ConsentBasis;
import jp.emergencyaccess.ledger.facility.FacilityCode;
import org.junit.jupiter.api.Test;

/** The demo plan alone: deterministic, valid codes, the volume of the trade-press figures. */
class DemoPlanTest {
  private static final DemoPlan PLAN =
      DemoPlan.make(NoticeSeriesLoader.read(NoticeSeriesLoader.NOTO_2024), 32_000);

  @Test
  void theSameSeedPlansTheSameData() {
    DemoPlan again = DemoPlan.make(NoticeSeriesLoader.read(NoticeSeriesLoader.NOTO_2024), 32_000);
    assertThat(again.facilities()).isEqualTo(PLAN.facilities());
    assertThat(again.applications()).isEqualTo(PLAN.applications());
    assertThat(again.visits()).isEqualTo(PLAN.visits());
  }

  @Test
  void facilitiesHaveValidCodesWhoseTableFitsTheirKind_andObviouslyFictitiousNames() {
    assertThat(PLAN.facilities()).hasSize(500);
    assertThat(PLAN.facilities().stream().map(DemoPlan.FacilitySpec::code).distinct()).hasSize(500);
    for (var f : PLAN.facilities()) {
      assertThat(FacilityCode.problemWith(f.code())).as(f.code()).isNull();
      assertThat(f.code().charAt(2)).isEqualTo(f.kind().scoreTable());
      assertThat(f.code().substring(0, 2)).isEqualTo(f.municipalityCode().substring(0, 2));
      assertThat(f.name()).startsWith("デモ");
      assertThat(f.address()).contains("（架空）");
    }
    assertThat(PLAN.suspicious().code()).isEqualTo("1719000018");
  }

  @Test
  void volumeFollowsTheReportedFigures() {
    Map<LocalDate, Integer> quota = DemoVolume.dailyQuota(32_000);
    int byJan4 = 0;
    int january = 0;
    int total = 0;
    for (var day : quota.entrySet()) {
      total += day.getValue();
      if (!day.getKey().isAfter(LocalDate.of(2024, 1, 4))) {
        byJan4 += day.getValue();
      }
      if (day.getKey().getMonthValue() == 1) {
        january += day.getValue();
      }
    }
    assertThat(byJan4).isGreaterThan(1_500);
    assertThat(january).isBetween(21_000, 23_000);
    assertThat(total).isEqualTo(32_000);
    assertThat(PLAN.lookupCount()).isEqualTo(32_000);
    assertThat(PLAN.visits().stream().filter(v -> v.consent() == null)).isNotEmpty();
    assertThat(PLAN.withdrawalCount()).isPositive();
    assertThat(
            PLAN.visits().stream()
                .filter(
                    v ->
                        v.consent() != null
                            && v.consent().basis() == ConsentBasis.EMERGENCY_EXEMPTION))
        .allMatch(v -> v.consent().exemptionReason() != null)
        .isNotEmpty();
  }

  @Test
  void aReducedPlanStillHasExactlyTheAskedNumberOfLookups() {
    assertThat(
            DemoPlan.make(NoticeSeriesLoader.read(NoticeSeriesLoader.NOTO_2024), 3_000)
                .lookupCount())
        .isEqualTo(3_000);
  }
}
