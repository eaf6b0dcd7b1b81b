package jp.emergencyaccess.ledger.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.emergencyaccess.ledger.support.Api;

/**
 * One scrape of /actuator/prometheus, parsed strictly as the Prometheus text format: every line is
 * a HELP/TYPE comment or {@code name{label="value",...} value [timestamp]}.
 */
record Metrics(Map<String, Double> samples) {
  private static final Pattern SAMPLE =
      Pattern.compile(
          "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{((?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\]|\\\\.)*\",?)*)\\})?"
              + " (\\S+)( -?[0-9]+)?");
  private static final Pattern META =
      Pattern.compile(
          "# (HELP [a-zA-Z_:][a-zA-Z0-9_:]* .*|TYPE [a-zA-Z_:][a-zA-Z0-9_:]*"
              + " (counter|gauge|histogram|summary|untyped))|# EOF|#.*");

  static Metrics scrape(Api api) {
    Api.Reply reply = api.get("/actuator/prometheus");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("text/plain");
    return parse(reply.text());
  }

  static Metrics parse(String text) {
    Map<String, Double> samples = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      if (line.startsWith("#")) {
        assertThat(META.matcher(line).matches()).as("comment line: " + line).isTrue();
        continue;
      }
      Matcher m = SAMPLE.matcher(line);
      assertThat(m.matches()).as("sample line: " + line).isTrue();
      String labels = m.group(3) == null ? "" : m.group(3).replaceAll(",$", "");
      String key = m.group(1) + (labels.isEmpty() ? "" : "{" + labels + "}");
      samples.put(key, number(m.group(4)));
    }
    return new Metrics(samples);
  }

  private static double number(String text) {
    return switch (text) {
      case "+Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      case "NaN" -> Double.NaN;
      default -> Double.parseDouble(text);
    };
  }

  static Metrics awaitUntil(Api api, Predicate<Metrics> condition, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Metrics metrics = scrape(api);
    while (!condition.test(metrics) && System.nanoTime() < deadline) {
      Thread.sleep(100);
      metrics = scrape(api);
    }
    return metrics;
  }

  Double value(String key) {
    return samples.get(key);
  }

  /** How much a counter grew since the earlier scrape (absent counts as 0). */
  double delta(Metrics before, String key) {
    return samples.getOrDefault(key, 0.0) - before.samples().getOrDefault(key, 0.0);
  }

  /** The metric names, without labels. */
  Set<String> names() {
    Set<String> names = new TreeSet<>();
    samples.keySet().forEach(k -> names.add(k.replaceAll("\\{.*", "")));
    return names;
  }
}
