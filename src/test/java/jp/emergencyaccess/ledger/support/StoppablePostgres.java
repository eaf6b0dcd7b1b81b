package jp.emergencyaccess.ledger.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A PostgreSQL server of its own for the application context of an outage test, which stops it and
 * starts it again on the same data directory and port: the shared server of {@link
 * EmbeddedPostgresInitializer} must never go down under the other tests.
 */
public class StoppablePostgres
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {
  private static Path dataDir;
  private static int port;
  private static EmbeddedPostgres server;

  /**
   * Starts the server (a new data directory the first time, the same one afterwards); a running one
   * is left as it is (the outage test classes share it, one application context after the other).
   */
  public static synchronized void start() {
    if (server != null) {
      return;
    }
    try {
      if (dataDir == null) {
        dataDir = Files.createTempDirectory(Path.of("target"), "outage-pg-").toAbsolutePath();
        try (ServerSocket socket = new ServerSocket(0)) {
          port = socket.getLocalPort();
        }
        // Stopped after every application context has closed (see EmbeddedPostgresInitializer).
        SpringApplication.getShutdownHandlers().add(StoppablePostgres::stop);
      }
      server =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDir)
              .setCleanDataDirectory(false)
              .setPort(port)
              // zonky turns synchronous_commit off for speed; a server that is killed must keep
              // what it acknowledged, as PostgreSQL's default (on) does.
              .setServerConfig("synchronous_commit", "on")
              .setRegisterShutdownHook(false)
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the outage test's PostgreSQL", e);
    }
  }

  /** A fast shutdown ({@code pg_ctl stop -m fast}): sessions are ended, the data stays. */
  public static synchronized void stop() {
    if (server == null) {
      return;
    }
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException("could not stop the outage test's PostgreSQL", e);
    } finally {
      server = null;
    }
  }

  /**
   * An immediate shutdown ({@code pg_ctl stop -m immediate}, SIGQUIT to the postmaster): every
   * process quits at once, as in a crash, and the next start recovers from the write-ahead log.
   */
  public static synchronized void crash() {
    if (server == null) {
      return;
    }
    try {
      long pid =
          Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
      Process kill = new ProcessBuilder("kill", "-QUIT", Long.toString(pid)).inheritIO().start();
      if (kill.waitFor() != 0) {
        throw new IllegalStateException("could not signal the postmaster " + pid);
      }
      ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
      // Releases zonky's lock on the data directory; its own stop fails (nothing runs) and is
      // logged.
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException("could not crash the outage test's PostgreSQL", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      server = null;
    }
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    start();
    TestPropertyValues.of(
            "spring.datasource.url=jdbc:postgresql://localhost:" + port + "/postgres",
            "spring.datasource.username=postgres",
            "spring.datasource.password=postgres")
        .applyTo(context);
  }
}
