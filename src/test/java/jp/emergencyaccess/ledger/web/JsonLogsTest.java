package jp.emergencyaccess.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.LedgerProcess;
import org.junit.jupiter.api.Test;

/**
 * The json-logs profile, in a ledger process of its own (logging is set up once per JVM): every
 * console line is one JSON object (Elastic Common Schema) a shipper can parse, a refused request is
 * one of them with its fields, and a patientId is in none.
 */
class JsonLogsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyLineIsOneJsonObject_andARefusalIsOneEventWithoutThePatientId() throws Exception {
    Path dataDir =
        Files.createTempDirectory(Files.createDirectories(Path.of("target")), "json-logs-");
    Path log = dataDir.resolve("ledger.log");
    String patientId = "PID" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    try (LedgerProcess ledger =
        LedgerProcess.start(
            log,
            List.of(
                "--spring.profiles.active=test,json-logs",
                "--ledger.data-dir=" + dataDir.toAbsolutePath()))) {
      Api facility = ledger.api().as("input-refusals");
      assertThat(facility.post("/api/views", view("4719001010", patientId)).status())
          .isEqualTo(403);
      assertThat(
              ledger
                  .api()
                  .as("input-refusals", "wrong")
                  .post("/api/views", view("4719009997", patientId))
                  .status())
          .isEqualTo(401);
      ledger.stop();
    }

    List<String> lines = Files.readAllLines(log).stream().filter(l -> !l.isBlank()).toList();
    List<JsonNode> events = new ArrayList<>();
    for (String line : lines) {
      if (line.startsWith("OpenJDK 64-Bit Server VM warning")) {
        continue; // the JVM's own, before logging exists
      }
      events.add(JSON.readTree(line));
    }
    assertThat(events).hasSizeGreaterThan(5).allMatch(e -> e.has("@timestamp") && e.has("message"));
    List<JsonNode> refusals =
        events.stream()
            .filter(e -> e.at("/log/logger").asText().endsWith("web.RefusedRequests"))
            .toList();
    assertThat(refusals).as(refusals.toString()).hasSize(2);
    assertThat(refusals.get(0).path("message").asText())
        .isEqualTo("refused POST /api/views with 403 (account input-refusals)");
    assertThat(refusals.get(0).at("/http/response/status_code").asInt()).isEqualTo(403);
    assertThat(refusals.get(0).at("/http/route").asText()).isEqualTo("/api/views");
    assertThat(refusals.get(0).at("/user/name").asText()).isEqualTo("input-refusals");
    assertThat(refusals.get(1).at("/http/response/status_code").asInt()).isEqualTo(401);
    assertThat(String.join("\n", lines)).doesNotContain(patientId);
  }

  private static Map<String, Object> view(String facilityCode, String patientId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("requestId", "json-logs-" + UUID.randomUUID());
    body.put("facilityCode", facilityCode);
    body.put("viewerId", "dr-kinjo");
    body.put("viewerRole", "DOCTOR");
    body.put("patientId", patientId);
    body.put("categories", List.of("MEDICATION"));
    return body;
  }
}
