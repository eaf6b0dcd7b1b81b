package jp.emergencyaccess.ledger.web;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The answer while the store cannot answer or take a write: 503 problem+json with {@code
 * Retry-After}. Nothing in it claims that the request was recorded or not: a commit whose
 * connection broke may have been committed. A lookup or consent sent again with the same {@code
 * requestId} is answered from the store if it was.
 */
final class StoreUnavailable {
  /**
   * A store that restarts is usually back within seconds; a client that waits this long retries.
   */
  static final Duration RETRY_AFTER = Duration.ofSeconds(5);

  private StoreUnavailable() {}

  static ResponseEntity<Object> answer() {
    ProblemDetail problem =
        Problems.problem(
            HttpStatus.SERVICE_UNAVAILABLE,
            "store-unavailable",
            "Store unavailable",
            "the ledger's store cannot answer or take a write now; send the request again after"
                + " Retry-After seconds (a request sent again with the same requestId is answered"
                + " from the store if it was recorded)");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER.toSeconds()))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
