package jp.emergencyaccess.ledger.web;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.facility.FacilityKind;
import jp.emergencyaccess.ledger.workbench.AuditorsLog;
import jp.emergencyaccess.ledger.workbench.FacilityRanking;
import jp.emergencyaccess.ledger.workbench.RankedFacility;
import jp.emergencyaccess.ledger.workbench.RankingMeasure;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The cross-facility ranking of the workbench (docs/workbench.md): which facilities of a prefecture
 * have, in a period, the most flagged lookups or the highest share of exemption lookups or of
 * denials against their peers. MHLW and FUND; each read is recorded in the auditors' log.
 */
@RestController
class RankingController {
  static final int DEFAULT_LIMIT = 50;
  static final long MAX_DAYS = 366;
  private final FacilityRanking ranking;
  private final InputDates dates;
  private final AuditorsLog auditors;

  RankingController(FacilityRanking ranking, InputDates dates, AuditorsLog auditors) {
    this.ranking = ranking;
    this.dates = dates;
    this.auditors = auditors;
  }

  record RankingAnswer(
      String prefecture,
      LocalDate from,
      LocalDate to,
      RankingMeasure by,
      FacilityKind kind,
      List<RankedFacility> items) {}

  @Operation(
      summary =
          "Facilities of a prefecture by flagged lookups, exemption share or denial share in a"
              + " period, against their peers (same kind, same prefecture)")
  @GetMapping("/api/rankings")
  RankingAnswer rankings(
      @RequestParam(required = false) String prefecture,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String by,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) Integer limit) {
    if (prefecture == null || !prefecture.matches("0[1-9]|[1-3][0-9]|4[0-7]")) {
      throw new InvalidField("prefecture", "must be a prefecture code 01–47");
    }
    if (from == null || to == null) {
      throw new InvalidField(from == null ? "from" : "to", "is required (a Japan date)");
    }
    LocalDate fromDay = dates.date("from", from);
    LocalDate toDay = dates.date("to", to);
    if (toDay.isBefore(fromDay)) {
      throw new InvalidField("to", "must not be before from");
    }
    if (ChronoUnit.DAYS.between(fromDay, toDay) + 1 > MAX_DAYS) {
      throw new InvalidField("to", "must be at most " + MAX_DAYS + " days after from");
    }
    RankingMeasure measure = by == null ? RankingMeasure.FLAGGED : measure(by);
    FacilityKind facilityKind = kind == null ? null : kind(kind);
    int size = limit == null ? DEFAULT_LIMIT : limit;
    if (size < 1 || size > FacilityRanking.MAX_ITEMS) {
      throw new InvalidField("limit", "must be 1–" + FacilityRanking.MAX_ITEMS);
    }
    auditors.read(
        "FACILITY_RANKING",
        prefecture,
        AuditorsLog.filters("from", from, "to", to, "by", measure, "kind", kind, "limit", limit));
    return new RankingAnswer(
        prefecture,
        fromDay,
        toDay,
        measure,
        facilityKind,
        ranking.rank(prefecture, facilityKind, fromDay, toDay, measure, size));
  }

  private static RankingMeasure measure(String by) {
    try {
      return RankingMeasure.valueOf(by);
    } catch (IllegalArgumentException e) {
      throw new InvalidField("by", "must be FLAGGED, EXEMPTION_SHARE or DENIAL_SHARE");
    }
  }

  private static FacilityKind kind(String kind) {
    try {
      return FacilityKind.valueOf(kind);
    } catch (IllegalArgumentException e) {
      throw new InvalidField("kind", "must be HOSPITAL, CLINIC, DENTAL_CLINIC or PHARMACY");
    }
  }
}
