package jp.emergencyaccess.ledger.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.emergencyaccess.ledger.LedgerApplication;

/**
 * A ledger in a JVM of its own (a child process on the test JVM's class path), so that a test can
 * kill it the way a crash does: {@link #kill()} sends SIGKILL, and nothing of the ledger runs after
 * it (no shutdown hook, no close of the store).
 */
public final class LedgerProcess implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
  private final Process process;
  private final int port;
  private final Path log;

  private LedgerProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts a ledger with {@code arguments} (Spring Boot's {@code --name=value}) on a free port and
   * waits until it answers its health endpoint. Its output goes to {@code log}.
   */
  public static LedgerProcess start(Path log, List<String> arguments) {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-Xmx384m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Duser.timezone=UTC",
            "-cp",
            System.getProperty("java.class.path"),
            LedgerApplication.class.getName(),
            "--server.port=" + port));
    command.addAll(arguments);
    try {
      Files.createDirectories(log.getParent());
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      LedgerProcess ledger = new LedgerProcess(process, port, log);
      ledger.awaitHealthy();
      return ledger;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start a ledger process", e);
    }
  }

  public Api api() {
    return Api.at(port);
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL, as {@code kill -9}: the JVM ends at once, whatever it was doing. */
  public void kill() {
    process.destroyForcibly();
    awaitExit();
  }

  /** SIGTERM: the ledger shuts down in order (Spring Boot's shutdown hook). */
  public void stop() {
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        kill();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill();
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      stop();
    }
  }

  private void awaitExit() {
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void awaitHealthy() {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    Api api = api();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the ledger process ended with " + process.exitValue() + ":\n" + logTail());
      }
      try {
        HttpRequest.Builder health = api.request("/actuator/health").timeout(Duration.ofSeconds(5));
        if (api.send(health.GET()).status() == 200) {
          return;
        }
      } catch (IllegalStateException notYet) {
        // not listening yet
      }
      sleep(200);
    }
    process.destroyForcibly();
    throw new IllegalStateException("the ledger process did not start in time:\n" + logTail());
  }

  private String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
