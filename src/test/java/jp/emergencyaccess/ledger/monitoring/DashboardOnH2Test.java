package jp.emergencyaccess.ledger.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.emergencyaccess.ledger.access.CoveredBy;
import jp.emergencyaccess.ledger.access.DenialReason;
import jp.emergencyaccess.ledger.access.InfoCategory;
import jp.emergencyaccess.ledger.access.MedicalInfoViewDenied;
import jp.emergencyaccess.ledger.access.MedicalInfoViewed;
import jp.emergencyaccess.ledger.access.ViewerRole;
import jp.emergencyaccess.ledger.consent.ConsentBasis;
import jp.emergencyaccess.ledger.consent.Identification;
import jp.emergencyaccess.ledger.integrity.Chainer;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.HttpTest;
import jp.emergencyaccess.ledger.support.OnH2;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every metric that a panel of ops/grafana/ledger-dashboard.json queries is one that a running
 * ledger exports: scraped from /actuator/prometheus (MONITOR) after a command, an allowed and a
 * denied view and a few HTTP requests, so the counters that appear on first use are there.
 */
@OnH2
class DashboardOnH2Test extends HttpTest {
  static final Path DASHBOARD = Path.of("ops/grafana/ledger-dashboard.json");
  private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
  private static final Set<String> PROMQL =
      Set.of(
          "sum",
          "min",
          "max",
          "avg",
          "count",
          "by",
          "without",
          "rate",
          "irate",
          "increase",
          "delta",
          "deriv",
          "histogram_quantile",
          "or",
          "and",
          "unless",
          "offset",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "topk",
          "bottomk",
          "abs",
          "clamp_min");

  @Autowired EventGateway events;

  @Test
  void everyQueriedMetricIsExported() throws Exception {
    JsonNode dashboard = new ObjectMapper().readTree(DASHBOARD.toFile());
    Map<String, List<String>> queried = new java.util.LinkedHashMap<>();
    for (JsonNode panel : dashboard.get("panels")) {
      for (JsonNode target : panel.get("targets")) {
        queried.put(panel.get("title").asText(), metricsOf(target.get("expr").asText()));
      }
    }
    assertThat(queried).hasSizeGreaterThan(5);
    assertThat(queried.values().stream().flatMap(List::stream))
        .anyMatch(n -> n.startsWith("ledger_"))
        .anyMatch(n -> n.startsWith("jvm_"));

    produceSamples();
    Set<String> exported = new TreeSet<>();
    long deadline = System.nanoTime() + 60_000_000_000L;
    do {
      exported = exportedNames(monitor());
      if (exported.containsAll(
          List.of("ledger_views_total", "ledger_denials_total", "ledger_exemption_views_total"))) {
        break;
      }
      Thread.sleep(200);
    } while (System.nanoTime() < deadline);
    for (var panel : queried.entrySet()) {
      assertThat(exported).as("metrics of panel " + panel.getKey()).containsAll(panel.getValue());
    }
  }

  @Test
  void theHealthGauge_saysTheStatusTheHealthAnswers() throws Exception {
    String status =
        new ObjectMapper()
            .readTree(monitor().get("/actuator/health").text())
            .get("status")
            .asText();
    String text = monitor().get("/actuator/prometheus").text();
    List<String> ones = new ArrayList<>();
    for (String line : text.split("\n")) {
      Matcher m =
          Pattern.compile("ledger_health_status\\{status=\"([A-Z_]+)\"\\} (\\S+)").matcher(line);
      if (m.matches()) {
        if (Double.parseDouble(m.group(2)) == 1) {
          ones.add(m.group(1));
        }
      }
    }
    assertThat(text).contains("ledger_health_status{status=\"DOWN\"}");
    assertThat(ones).containsExactly(status);
  }

  @Autowired Chainer chainer;

  @Test
  void theChainLagGauge_countsWhatTheChainerHasNotChainedYet() throws Exception {
    chainer.stop();
    try {
      produceSamples();
      assertThat(sample("ledger_integrity_unchained_events")).isGreaterThanOrEqualTo(2);
    } finally {
      chainer.start();
    }
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (sample("ledger_integrity_unchained_events") > 0 && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(sample("ledger_integrity_unchained_events")).isZero();
  }

  private double sample(String name) {
    for (String line : monitor().get("/actuator/prometheus").text().split("\n")) {
      if (line.startsWith(name + " ")) {
        return Double.parseDouble(line.substring(name.length() + 1));
      }
    }
    throw new AssertionError("no sample " + name);
  }

  @Test
  void aVerification_isCountedByItsOutcome() {
    double before = counted("ok") + counted("unchained") + counted("broken");
    Api.Reply reply = mhlw().get("/api/integrity/verify?waitSeconds=10");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(counted("ok") + counted("unchained") + counted("broken")).isEqualTo(before + 1);
    assertThat(counted("broken")).isZero();
  }

  private double counted(String outcome) {
    String key = "ledger_integrity_verifications_total{outcome=\"" + outcome + "\"} ";
    for (String line : monitor().get("/actuator/prometheus").text().split("\n")) {
      if (line.startsWith(key)) {
        return Double.parseDouble(line.substring(key.length()));
      }
    }
    throw new AssertionError("no sample " + key);
  }

  @Test
  void theNameExtraction_findsMetricsNotFunctionsOrLabels() {
    assertThat(
            metricsOf(
                "histogram_quantile(0.95, sum by (le, uri)"
                    + " (rate(http_server_requests_seconds_bucket{status=~\"5..\"}[5m])))"))
        .containsExactly("http_server_requests_seconds_bucket");
  }

  /** The metric names in a PromQL expression: neither functions, keywords, labels nor strings. */
  static List<String> metricsOf(String expr) {
    String bare =
        expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "")
            .replaceAll("\\{[^}]*\\}", "")
            .replaceAll("\\[[^]]*\\]", "")
            .replaceAll("(by|without|on|ignoring)\\s*\\([^)]*\\)", "");
    List<String> names = new ArrayList<>();
    Matcher m = NAME.matcher(bare);
    while (m.find()) {
      String name = m.group();
      boolean number = m.start() > 0 && Character.isDigit(bare.charAt(m.start() - 1));
      if (!PROMQL.contains(name) && !number && !name.matches("[0-9].*")) {
        names.add(name);
      }
    }
    return names;
  }

  private void produceSamples() {
    registerNotice("o", "dashboard test");
    Instant at = Instant.parse("2024-02-20T01:00:00Z");
    CoveredBy covered = CoveredBy.region("472018", "dashboard-test");
    String suffix = Long.toString(System.nanoTime());
    events.publish(
        new MedicalInfoViewed(
            "v-ops-" + suffix,
            "r-1",
            "4710000001",
            "dr",
            ViewerRole.DOCTOR,
            "ref",
            List.of(InfoCategory.MEDICATION),
            "c-1",
            ConsentBasis.EMERGENCY_EXEMPTION,
            Identification.INSURED_NUMBER,
            covered,
            at));
    events.publish(
        new MedicalInfoViewDenied(
            "d-ops-" + suffix,
            "r-2",
            "4710000001",
            "dr",
            ViewerRole.DOCTOR,
            "ref",
            List.of(InfoCategory.MEDICATION),
            null,
            null,
            null,
            null,
            List.of(DenialReason.NOT_ACTIVATED),
            at));
  }

  private static Set<String> exportedNames(Api monitor) {
    Api.Reply reply = monitor.get("/actuator/prometheus");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    Set<String> names = new TreeSet<>();
    for (String line : reply.text().split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        Matcher m = NAME.matcher(line);
        if (m.lookingAt()) {
          names.add(m.group());
        }
      }
    }
    return names;
  }
}
