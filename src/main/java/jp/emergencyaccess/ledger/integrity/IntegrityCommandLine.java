package jp.emergencyaccess.ledger.integrity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code java -jar emergency-access-ledger.jar verify [--from=N] [--to=N] [--public-key=FILE]
 * [--wait[=DURATION]] [spring options]}: verifies the configured database's chain without the web
 * server, Axon or migrations (only a DataSource is started, from the same configuration and
 * profiles as the ledger). Exit code 0 when every event up to the end is chained and intact, 1 when
 * broken, 2 when it could not verify, 3 when what is chained is intact but events are not chained
 * yet (a running ledger's chainer has not reached them, or the ledger stopped before it did). With
 * {@code --wait} it first waits, at most the duration (default {@value #DEFAULT_WAIT}), for a
 * running ledger to chain the events stored when it started. Signatures are checked with {@code
 * --public-key} (a pinned PEM) or else the configured signing key.
 */
public final class IntegrityCommandLine {
  private static final long PROGRESS_EVERY = 10_000;
  static final String DEFAULT_WAIT = "PT60S";
  static final int BROKEN = 1;
  static final int COULD_NOT_VERIFY = 2;
  static final int NOT_ALL_CHAINED = 3;

  private IntegrityCommandLine() {}

  public static int verify(String[] args, PrintStream out) {
    Long from = null;
    Long to = null;
    String publicKeyFile = null;
    Duration wait = null;
    List<String> spring = new ArrayList<>();
    try {
      for (String arg : args) {
        if (arg.startsWith("--from=")) {
          from = Long.parseLong(arg.substring("--from=".length()));
        } else if (arg.startsWith("--to=")) {
          to = Long.parseLong(arg.substring("--to=".length()));
        } else if (arg.equals("--wait")) {
          wait = Duration.parse(DEFAULT_WAIT);
        } else if (arg.startsWith("--wait=")) {
          wait = Duration.parse(arg.substring("--wait=".length()));
          if (wait.isNegative()) {
            throw new NumberFormatException("negative wait");
          }
        } else if (arg.startsWith("--public-key=")) {
          publicKeyFile = arg.substring("--public-key=".length());
        } else {
          spring.add(arg);
        }
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      out.println(
          "usage: verify [--from=POSITION] [--to=POSITION] [--public-key=PEM-FILE]"
              + " [--wait[=ISO-8601 DURATION, e.g. PT5M]] [--spring.option=value ...]");
      return COULD_NOT_VERIFY;
    }
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(VerifyOnly.class)
            .web(WebApplicationType.NONE)
            .bannerMode(Banner.Mode.OFF)
            .logStartupInfo(false)
            .properties("logging.level.root=WARN")
            .run(spring.toArray(String[]::new))) {
      if (context.getEnvironment().getProperty("axon.axonserver.enabled", Boolean.class, false)) {
        out.println(
            "verify: the axonserver profile keeps events in Axon Server; use GET"
                + " /api/integrity/verify on a running ledger instead");
        return 2;
      }
      ChainVerifier verifier = context.getBean(ChainVerifier.class);
      if (publicKeyFile != null) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        verifier =
            new ChainVerifier(
                new JdbcStoredEvents(jdbc),
                new ChainTable(jdbc),
                new CheckpointTable(jdbc),
                Optional.of(
                    SigningKey.publicKeyFromPem(
                        Files.readString(Path.of(publicKeyFile), StandardCharsets.US_ASCII))));
      }
      if (wait != null && !verifier.awaitChained(to, wait)) {
        out.println("verify: the chain did not reach the store's head within " + wait);
      }
      return run(verifier, from, to, out);
    } catch (RuntimeException | IOException e) {
      out.println("verify: could not verify: " + e.getMessage());
      return COULD_NOT_VERIFY;
    }
  }

  static int run(ChainVerifier verifier, Long from, Long to, PrintStream out) {
    long started = System.nanoTime();
    long[] lastPrinted = {Long.MIN_VALUE};
    out.println(
        "verifying the integrity chain"
            + (from == null ? "" : " from " + from)
            + (to == null ? "" : " to " + to));
    Verification result =
        verifier.verify(
            from,
            to,
            done -> {
              if (lastPrinted[0] == Long.MIN_VALUE || done - lastPrinted[0] >= PROGRESS_EVERY) {
                lastPrinted[0] = done;
                out.printf("  ... position %d%n", done);
              }
            });
    double seconds = Math.max(1e-9, (System.nanoTime() - started) / 1e9);
    out.printf(
        "%s: %d events and %d gaps checked at positions %d..%d, %d checkpoints, in %.2f s (%.0f"
            + " events/s)%n",
        !result.intact() ? "BROKEN" : result.ok() ? "OK" : "INTACT SO FAR",
        result.checked(),
        result.gaps(),
        result.from(),
        result.to(),
        result.checkpointsChecked(),
        seconds,
        result.checked() / seconds);
    try {
      out.println(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(result));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      out.println(result);
    }
    if (result.intact() && !result.ok()) {
      out.printf(
          "NOT ALL CHAINED: %d events after the chain's head are not verified yet (start the"
              + " ledger so that its chainer reaches them, or run verify --wait)%n",
          result.unchained());
    }
    return !result.intact() ? BROKEN : result.ok() ? 0 : NOT_ALL_CHAINED;
  }

  /**
   * Just a DataSource and the verifier: no web server, no Axon, no Flyway. Deliberately not a
   * {@code @Configuration}, so that the ledger's component scan never picks it up.
   */
  @ImportAutoConfiguration({DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class})
  @EnableConfigurationProperties(IntegrityProperties.class)
  static class VerifyOnly {
    @Bean
    ChainVerifier chainVerifier(
        JdbcTemplate jdbc,
        IntegrityProperties properties,
        @Value("${ledger.data-dir:#{null}}") String dataDir) {
      Optional<SigningKey> key = SigningKeys.configured(properties, dataDir);
      return new ChainVerifier(
          new JdbcStoredEvents(jdbc),
          new ChainTable(jdbc),
          new CheckpointTable(jdbc),
          key.map(SigningKey::publicKey));
    }
  }
}
