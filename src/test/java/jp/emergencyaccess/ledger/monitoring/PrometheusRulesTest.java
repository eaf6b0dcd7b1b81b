package jp.emergencyaccess.ledger.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs promtool on the alert rules in ops/prometheus: {@code check rules} and the unit tests of
 * every rule ({@code test rules}). CI (the {@code CI} variable set, as {@code .ci/run} runs) fails
 * when promtool is missing, since {@code .ci/run} installs it; a developer's {@code mvn verify}
 * without promtool skips these two tests and says how to install it.
 */
class PrometheusRulesTest {
  static final Path RULES = Path.of("ops/prometheus/ledger-alerts.yml");
  static final Path RULE_TESTS = Path.of("ops/prometheus/ledger-alerts.test.yml");

  @Test
  void rulesAreValid() throws Exception {
    Result r = promtool("check", "rules", RULES.getFileName().toString());
    assertThat(r.exit).as(r.output).isZero();
    assertThat(r.output).contains("SUCCESS");
  }

  @Test
  void everyRuleHasUnitTestsAndTheyPass() throws Exception {
    List<String> alerts =
        Files.readAllLines(RULES).stream()
            .map(String::trim)
            .filter(l -> l.startsWith("- alert:"))
            .map(l -> l.substring("- alert:".length()).trim())
            .toList();
    String tests = Files.readString(RULE_TESTS);
    assertThat(alerts).isNotEmpty();
    for (String alert : alerts) {
      assertThat(tests).as("a unit test of " + alert).contains("alertname: " + alert);
    }
    Result r = promtool("test", "rules", RULE_TESTS.getFileName().toString());
    assertThat(r.exit).as(r.output).isZero();
    assertThat(r.output).contains("SUCCESS");
  }

  record Result(int exit, String output) {}

  static Result promtool(String... args) throws IOException, InterruptedException {
    String found = locate();
    List<String> command = new java.util.ArrayList<>(List.of(found));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command)
            .directory(RULES.getParent().toFile())
            .redirectErrorStream(true)
            .start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("promtool did not finish within 60 s");
    }
    return new Result(
        p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  private static String locate() {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "promtool");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    String hint =
        "promtool not found on PATH; install Debian's package: apt-get install prometheus";
    if (System.getenv("CI") != null) {
      fail(hint + " (.ci/run installs it, so CI must have it)");
    }
    assumeTrue(false, hint);
    return null;
  }
}
