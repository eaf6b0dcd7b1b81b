package jp.emergencyaccess.ledger.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.emergencyaccess.ledger.access.InfoCategory;
import jp.emergencyaccess.ledger.access.Lookup;
import jp.emergencyaccess.ledger.access.ViewIds;
import jp.emergencyaccess.ledger.access.ViewMedicalInfo;
import jp.emergencyaccess.ledger.access.ViewOutcome;
import jp.emergencyaccess.ledger.access.ViewRequests;
import jp.emergencyaccess.ledger.access.ViewerRole;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.consent.Pseudonyms;
import jp.emergencyaccess.ledger.facility.FacilityCode;
import jp.emergencyaccess.ledger.infra.CurrentAccount;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The lookup decision. Allowed: 201 with the recorded view. Denied: 403 problem+json that still
 * carries the recorded view ({@code viewId}, {@code decision: DENIED}, {@code reasons}). A FACILITY
 * account naming another facility's code is refused 403 before any decision: that is an
 * authorization error, not a lookup, and is not recorded as a view.
 */
@RestController
class ViewController {
  private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {};
  private final ViewRequests views;
  private final Pseudonyms pseudonyms;
  private final Clock clock;
  private final ObjectMapper json;

  ViewController(ViewRequests views, Pseudonyms pseudonyms, Clock clock, ObjectMapper json) {
    this.views = views;
    this.pseudonyms = pseudonyms;
    this.clock = clock;
    this.json = json;
  }

  record ViewRequest(
      String requestId,
      String facilityCode,
      String viewerId,
      ViewerRole viewerRole,
      String patientId,
      List<InfoCategory> categories,
      String consentId,
      OffsetDateTime at) {}

  /**
   * The recorded lookup with the request id it was decided under; instants in Japan time, as every
   * answer renders them.
   */
  record ViewAnswer(
      @JsonUnwrapped @JsonIgnoreProperties("at") Lookup lookup,
      String requestId,
      OffsetDateTime at,
      boolean replayed) {
    static ViewAnswer of(ViewOutcome o) {
      return new ViewAnswer(
          o.lookup(), o.requestId(), JapanTime.render(o.lookup().at()), o.replayed());
    }
  }

  @Operation(summary = "Decide and record a lookup of a patient's medical information")
  @ApiResponse(
      responseCode = "201",
      description = "Allowed: the lookup is recorded (same requestId again: the first answer)",
      content = @Content(schema = @Schema(implementation = ViewAnswer.class)))
  @ApiResponse(
      responseCode = "403",
      description =
          "Denied: the denial is recorded and answered with its viewId, decision DENIED and every"
              + " reason. Without a viewId: a FACILITY account named another facility (nothing"
              + " recorded).",
      content =
          @Content(
              mediaType = ApiDocs.PROBLEM_JSON,
              schema = @Schema(ref = ApiDocs.VIEW_DENIED),
              examples =
                  @ExampleObject(
                      value =
                          """
                          {"type": "https://emergency-access-ledger.example/problems/view-denied",
                           "title": "View denied", "status": 403,
                           "detail": "the lookup was denied and the denial recorded: NOT_ACTIVATED",
                           "viewId": "0193a4f2-7c1e-7d2a-9b1f-3c5d7e9f1a2b",
                           "decision": "DENIED", "reasons": ["NOT_ACTIVATED"],
                           "facilityCode": "4719001010",
                           "patientRef": "3f2a9c0d5b7e4a1c8d6f0b2e4a6c8e0f"}
                          """)))
  @PostMapping("/api/views")
  ResponseEntity<Object> view(@RequestBody ViewRequest body) {
    FacilityCode code = FacilityCode.parse("facilityCode", body.facilityCode());
    CurrentAccount.requireOwnFacility(code.value());
    String patientRef = pseudonyms.refOf(body.patientId());
    ViewOutcome outcome =
        views.decide(
            new ViewMedicalInfo(
                ViewIds.derive(code.value(), body.requestId()),
                body.requestId(),
                code.value(),
                body.viewerId(),
                body.viewerRole(),
                patientRef,
                body.categories(),
                body.consentId(),
                RequestTime.atOrNow(body.at(), clock),
                body.at() != null));
    ViewAnswer answer = ViewAnswer.of(outcome);
    if (outcome.allowed()) {
      return ResponseEntity.status(HttpStatus.CREATED).body(answer);
    }
    return Problems.answer(denied(answer));
  }

  /** The denial as problem+json: its fields are those of the answer to an allowed lookup. */
  private ProblemDetail denied(ViewAnswer answer) {
    ProblemDetail problem =
        Problems.problem(
            HttpStatus.FORBIDDEN,
            "view-denied",
            "View denied",
            "the lookup was denied and the denial recorded: "
                + answer.lookup().reasons().stream()
                    .map(Enum::name)
                    .collect(Collectors.joining(", ")));
    problem.setProperties(json.convertValue(answer, FIELDS));
    return problem;
  }
}
