package jp.emergencyaccess.ledger.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import jp.emergencyaccess.ledger.common.CommandSender;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.common.NotFound;
import jp.emergencyaccess.ledger.facility.FacilityCode;
import jp.emergencyaccess.ledger.facility.FacilityDirectory;
import jp.emergencyaccess.ledger.infra.CurrentAccount;
import jp.emergencyaccess.ledger.infra.LedgerAccount;
import jp.emergencyaccess.ledger.infra.Role;
import jp.emergencyaccess.ledger.review.FacilityReviews;
import jp.emergencyaccess.ledger.review.RecordReview;
import jp.emergencyaccess.ledger.review.ReviewFinding;
import jp.emergencyaccess.ledger.review.ReviewIds;
import jp.emergencyaccess.ledger.workbench.AuditorsLog;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The review records of the workbench (docs/workbench.md): FUND and MHLW record that a facility's
 * logs for a period were examined, and read every facility's; a FACILITY account reads its own
 * facility's, without the note. Every read is recorded in the auditors' log before it is answered.
 */
@RestController
class ReviewController {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 500;
  private final CommandSender commands;
  private final FacilityReviews reviews;
  private final FacilityDirectory facilities;
  private final InputDates dates;
  private final AuditorsLog auditors;
  private final Clock clock;

  ReviewController(
      CommandSender commands,
      FacilityReviews reviews,
      FacilityDirectory facilities,
      InputDates dates,
      AuditorsLog auditors,
      Clock clock) {
    this.commands = commands;
    this.reviews = reviews;
    this.facilities = facilities;
    this.dates = dates;
    this.auditors = auditors;
    this.clock = clock;
  }

  @Schema(name = "RecordReviewRequest")
  record ReviewRequest(
      @NotBlank String facilityCode,
      @NotNull LocalDate from,
      @NotNull LocalDate to,
      @NotNull ReviewFinding finding,
      String note,
      OffsetDateTime at) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ReviewAnswer(
      String reviewId,
      String facilityCode,
      LocalDate from,
      LocalDate to,
      ReviewFinding finding,
      String findingLabel,
      String note,
      String reviewedBy,
      OffsetDateTime at,
      OffsetDateTime recordedAt) {
    /** A facility sees that it was reviewed and the finding; the note is the reviewers' own. */
    static ReviewAnswer of(FacilityReviews.Entry entry) {
      FacilityReviews.Entry shown =
          CurrentAccount.get().role() == Role.FACILITY ? entry.forFacility() : entry;
      return new ReviewAnswer(
          shown.reviewId(),
          shown.facilityCode(),
          shown.from(),
          shown.to(),
          shown.finding(),
          shown.finding().japanese(),
          shown.note(),
          shown.by(),
          JapanTime.render(shown.at()),
          JapanTime.render(shown.recordedAt()));
    }
  }

  record ReviewsAnswer(String facilityCode, List<ReviewAnswer> items) {}

  @Operation(summary = "Record that a facility's logs for a period were examined, with a finding")
  @PostMapping("/api/reviews")
  @ResponseStatus(HttpStatus.CREATED)
  ResponseEntity<ReviewAnswer> record(@Valid @RequestBody ReviewRequest body) {
    FacilityCode.parse("facilityCode", body.facilityCode());
    LocalDate today = JapanTime.dateOf(clock.instant());
    if (body.to().isAfter(today)) {
      throw new InvalidField("to", "must not be after today (" + today + " in Japan)");
    }
    Instant at = RequestTime.atOrNow(body.at(), clock);
    if (body.at() != null) {
      dates.check("at", at);
    }
    LedgerAccount account = CurrentAccount.get();
    String id =
        commands.send(
            new RecordReview(
                ReviewIds.next(),
                body.facilityCode(),
                body.from(),
                body.to(),
                body.finding(),
                body.note(),
                account.getUsername(),
                account.role().name(),
                at));
    FacilityReviews.Entry recorded =
        reviews.find(id).orElseThrow(() -> new IllegalStateException("review " + id + " unlisted"));
    return ResponseEntity.created(URI.create("/api/reviews/" + id)).body(ReviewAnswer.of(recorded));
  }

  @Operation(summary = "One review record")
  @GetMapping("/api/reviews/{reviewId}")
  ReviewAnswer review(@PathVariable String reviewId) {
    ReviewIds.check("reviewId", reviewId);
    FacilityReviews.Entry entry =
        reviews
            .find(reviewId)
            .filter(
                r ->
                    CurrentAccount.get().role() != Role.FACILITY
                        || CurrentAccount.get().facilityCode().equals(r.facilityCode()))
            .orElseThrow(() -> new NotFound("review " + reviewId + " is unknown"));
    auditors.read("REVIEWS", entry.facilityCode(), Map.of("reviewId", reviewId));
    return ReviewAnswer.of(entry);
  }

  @Operation(summary = "A facility's review records whose period overlaps from..to (Japan days)")
  @GetMapping("/api/facilities/{facilityCode}/reviews")
  ReviewsAnswer reviews(
      @PathVariable String facilityCode,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) Integer limit) {
    FacilityCode code = FacilityCode.parse("facilityCode", facilityCode);
    CurrentAccount.requireOwnFacility(code.value());
    LocalDate fromDay = from == null ? null : dates.date("from", from);
    LocalDate toDay = to == null ? null : dates.date("to", to);
    if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
      throw new InvalidField("to", "must not be before from");
    }
    int size = limit == null ? DEFAULT_LIMIT : limit;
    if (size < 1 || size > MAX_LIMIT) {
      throw new InvalidField("limit", "must be 1–" + MAX_LIMIT);
    }
    if (facilities.find(code.value()).isEmpty()) {
      throw new NotFound("facility " + code.value() + " is not registered");
    }
    auditors.read(
        "REVIEWS", code.value(), AuditorsLog.filters("from", from, "to", to, "limit", limit));
    return new ReviewsAnswer(
        code.value(),
        reviews.of(code.value(), fromDay, toDay, size).stream().map(ReviewAnswer::of).toList());
  }
}
