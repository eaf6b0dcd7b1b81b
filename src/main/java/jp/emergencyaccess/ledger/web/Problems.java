package jp.emergencyaccess.ledger.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Builds RFC 9457 problem answers with the ledger's problem types. */
final class Problems {
  static final String BASE = "https://emergency-access-ledger.example/problems/";

  private Problems() {}

  static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(BASE + type));
    problem.setTitle(title);
    return problem;
  }

  static ProblemDetail invalid(List<Map<String, String>> errors) {
    ProblemDetail problem =
        problem(
            HttpStatus.BAD_REQUEST,
            "invalid-request",
            "Invalid request",
            errors.size() == 1
                ? errors.get(0).get("field") + ": " + errors.get(0).get("message")
                : errors.size() + " fields are invalid");
    problem.setProperty("errors", errors);
    return problem;
  }

  static Map<String, String> error(String field, String message) {
    return Map.of("field", field, "message", message);
  }

  static ResponseEntity<Object> answer(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
