package jp.emergencyaccess.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.HttpTest;
import jp.emergencyaccess.ledger.support.OnH2;
import jp.emergencyaccess.ledger.support.Repeats;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A refused request leaves one log line, wherever it was refused, with its route and status and
 * without the patientId it carried or a stack trace.
 */
@OnH2
@ExtendWith(OutputCaptureExtension.class)
class RefusalLogOnH2Test extends HttpTest {
  /** The bad-input account of application-test.yml: nothing it sends is ever recorded. */
  private static final String ACCOUNT = "input-refusals";

  /**
   * Another test's application in this JVM may have set the levels of the one logging system (root
   * WARN or OFF); the refusal line is INFO, the level the ledger ships with.
   */
  @BeforeEach
  void refusalsAtTheirShippedLevel() {
    LoggingSystem.get(getClass().getClassLoader())
        .setLogLevel(RefusedRequests.class.getName(), LogLevel.INFO);
  }

  @Test
  void everyRefusedRequest_logsOneLine_withoutThePatientId_orAStackTrace(CapturedOutput output)
      throws InterruptedException {
    String patientId = "PID" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    long events = storedEvents();
    int mark = output.length();

    Api facility = api().as(ACCOUNT);
    List<Api.Reply> replies =
        List.of(
            // Another facility's code: refused in the handler.
            facility.post("/api/views", view("4719001010", patientId)),
            // A patientId where an enum belongs: refused while reading the body.
            facility.post(
                "/api/views", with(view("4719009997", patientId), "viewerRole", patientId)),
            // A wrong password: refused by the security chain.
            api().as(ACCOUNT, "wrong").post("/api/views", view("4719009997", patientId)),
            // A role that may not look up: refused by the access rules.
            monitor().post("/api/views", view("4719009997", patientId)),
            // A path no endpoint serves, with the patientId in it.
            facility.post("/api/views/" + patientId, view("4719009997", patientId)));

    assertThat(replies.stream().map(Api.Reply::status).toList())
        .containsExactly(403, 400, 401, 403, 404);
    List<String> refusals = awaitRefusals(output, mark, replies.size());
    assertThat(refusals)
        .as(String.join("\n", refusals))
        .hasSize(replies.size())
        .anyMatch(l -> l.contains("refused POST /api/views with 403 (account " + ACCOUNT + ")"))
        .anyMatch(l -> l.contains("refused POST /api/views with 400 (account " + ACCOUNT + ")"))
        .anyMatch(l -> l.contains("refused POST /api/views with 401 (account -)"))
        .anyMatch(l -> l.contains("refused POST /api/views with 403 (account monitor)"))
        .anyMatch(l -> l.contains("refused POST /api/views/… with 404"));
    List<String> logged = Repeats.linesSince(output.toString(), mark);
    assertThat(Repeats.stackTraceLines(logged)).isEmpty();
    assertThat(String.join("\n", logged)).doesNotContain(patientId);
    assertThat(storedEvents()).isEqualTo(events);
  }

  /**
   * The line is written once the answer has gone out, so it may come just after the client has it;
   * waits for the expected count, then a little longer for any line too many.
   */
  private static List<String> awaitRefusals(CapturedOutput output, int mark, int expected)
      throws InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (refusals(output, mark).size() < expected && Instant.now().isBefore(deadline)) {
      Thread.sleep(20);
    }
    Thread.sleep(200);
    return refusals(output, mark);
  }

  private static List<String> refusals(CapturedOutput output, int mark) {
    return Repeats.linesSince(output.toString(), mark).stream()
        .filter(l -> l.contains("RefusedRequests"))
        .toList();
  }

  private static Map<String, Object> view(String facilityCode, String patientId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("requestId", "refusal-log-" + UUID.randomUUID());
    body.put("facilityCode", facilityCode);
    body.put("viewerId", "dr-kinjo");
    body.put("viewerRole", "DOCTOR");
    body.put("patientId", patientId);
    body.put("categories", List.of("MEDICATION"));
    return body;
  }

  private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
    Map<String, Object> changed = new LinkedHashMap<>(body);
    changed.put(field, value);
    return changed;
  }
}
