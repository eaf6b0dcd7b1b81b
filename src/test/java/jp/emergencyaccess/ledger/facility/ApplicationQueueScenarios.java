package jp.emergencyaccess.ledger.facility;

import static jp.emergencyaccess.ledger.facility.Applications.ensureRegistered;
import static jp.emergencyaccess.ledger.facility.Applications.form;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import jp.emergencyaccess.ledger.facility.ApplicationSummary.Status;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.HttpTest;
import jp.emergencyaccess.ledger.support.TestCodes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The applications by state (the console's 申出 queue), written over real HTTP and read from the read
 * model; run on H2 and on PostgreSQL. Contexts are shared, so only this facility's applications are
 * looked at, in the order the queue gives them.
 */
abstract class ApplicationQueueScenarios extends HttpTest {
  private static final int ALL = 10_000;

  @Autowired ApplicationQueue queue;

  @Test
  void theUndecided_comeOldestSubmissionFirst_andTheDecided_latestDecisionFirst() {
    String account = TestCodes.facilityAccount();
    String code = TestCodes.facilityCodeOf(account);
    ensureRegistered(mhlw(), code, "CLINIC", TestCodes.okinawaMunicipality(), "待ち行列診療所", "沖縄県那覇市1");
    Api facility = api().as(account);
    String third = submit(facility, code, "2024-04-03T10:00:00+09:00");
    String first = submit(facility, code, "2024-04-01T10:00:00+09:00");
    String second = submit(facility, code, "2024-04-02T10:00:00+09:00");
    String fourth = submit(facility, code, "2024-04-04T10:00:00+09:00");
    assertThat(ids(Status.SUBMITTED, code)).containsExactly(first, second, third, fourth);

    decide(second, "approve", Map.of("from", "2024-04-10", "until", "2024-04-12"), "05");
    decide(first, "approve", Map.of("from", "2024-05-10", "until", "2024-05-12"), "07");
    decide(third, "reject", Map.of("reason", "期間の根拠が不十分"), "06");

    assertThat(ids(Status.SUBMITTED, code)).containsExactly(fourth);
    assertThat(ids(Status.APPROVED, code))
        .as("latest decision first")
        .containsExactly(first, second);
    assertThat(ids(Status.REJECTED, code)).containsExactly(third);
    assertThat(queue.list(Status.SUBMITTED, 1)).hasSize(1);
  }

  private List<String> ids(Status status, String facilityCode) {
    return queue.list(status, ALL).stream()
        .filter(a -> a.facilityCode().equals(facilityCode))
        .map(ApplicationSummary::applicationId)
        .toList();
  }

  private static String submit(Api facility, String code, String at) {
    var body = form(code, "CLINIC", "2024-04-10", "2024-04-30");
    body.put("at", at);
    return Applications.submit(facility, body);
  }

  private void decide(String applicationId, String decision, Map<String, String> body, String day) {
    var request = new java.util.LinkedHashMap<String, Object>(body);
    request.put("at", "2024-04-" + day + "T09:00:00+09:00");
    var reply = mhlw().post("/api/applications/" + applicationId + "/" + decision, request);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
  }
}
