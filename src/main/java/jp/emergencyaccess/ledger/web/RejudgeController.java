package jp.emergencyaccess.ledger.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import jp.emergencyaccess.ledger.access.CoveredBy;
import jp.emergencyaccess.ledger.access.DenialReason;
import jp.emergencyaccess.ledger.access.RecordedViews;
import jp.emergencyaccess.ledger.access.Rejudge;
import jp.emergencyaccess.ledger.access.Rejudged;
import jp.emergencyaccess.ledger.activation.AsOf;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.common.NotFound;
import jp.emergencyaccess.ledger.facility.FacilityDirectory;
import jp.emergencyaccess.ledger.facility.FacilitySummary;
import jp.emergencyaccess.ledger.notice.NoticeDirectory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The decision a recorded view would get under another revision, beside the original one. */
@RestController
class RejudgeController {
  private final RecordedViews views;
  private final Rejudge rejudge;
  private final FacilityDirectory facilities;
  private final NoticeDirectory notices;
  private final InputDates dates;

  RejudgeController(
      RecordedViews views,
      Rejudge rejudge,
      FacilityDirectory facilities,
      NoticeDirectory notices,
      InputDates dates) {
    this.views = views;
    this.rejudge = rejudge;
    this.facilities = facilities;
    this.notices = notices;
    this.dates = dates;
  }

  @Schema(name = "RejudgedDecision")
  record Decision(String decision, List<String> reasons, CoveredBy coveredBy) {}

  record RejudgeAnswer(
      String viewId,
      String facilityCode,
      OffsetDateTime at,
      String revision,
      OffsetDateTime knownAt,
      Decision original,
      Decision rejudged,
      boolean changed) {}

  @Operation(summary = "The decision a recorded view would get under another notice revision")
  @GetMapping("/api/views/{viewId}/rejudge")
  RejudgeAnswer rejudge(
      @PathVariable String viewId,
      @RequestParam(required = false) String revision,
      @RequestParam(required = false) String knownAt) {
    AsOf asOf = asOf(revision, knownAt);
    RecordedViews.RecordedView view =
        views.find(viewId).orElseThrow(() -> new NotFound("view " + viewId + " is not recorded"));
    FacilitySummary facility = facilities.find(view.facilityCode()).orElse(null);
    Rejudged rejudged =
        rejudge.under(
            facility, view.at(), view.reasons().stream().map(DenialReason::valueOf).toList(), asOf);
    Decision original =
        new Decision(view.allowed() ? "ALLOWED" : "DENIED", view.reasons(), view.coveredBy());
    Decision again =
        new Decision(
            rejudged.decision().name(),
            rejudged.reasons().stream().map(DenialReason::name).toList(),
            rejudged.coveredBy());
    return new RejudgeAnswer(
        view.viewId(),
        view.facilityCode(),
        JapanTime.render(view.at()),
        revision,
        JapanTime.render(asOf.knownAt()),
        original,
        again,
        view.allowed() != rejudged.reasons().isEmpty());
  }

  private AsOf asOf(String revision, String knownAt) {
    return AsOfQuery.parse(notices, dates, revision, knownAt);
  }
}
