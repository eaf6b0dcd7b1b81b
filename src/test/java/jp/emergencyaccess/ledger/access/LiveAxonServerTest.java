package jp.emergencyaccess.ledger.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.emergencyaccess.ledger.LedgerApplication;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.EmbeddedPostgresInitializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code axonserver} profile against a real Axon Server SE, by hand or on a machine that has
 * one: skipped unless its jar is at {@code -Dledger.axonserver.jar} (default
 * /tmp/axonserver/axonserver.jar, built by /work/shared/tools/build-axonserver-se.sh; never
 * committed). Starts Axon Server as its own process, the ledger against it, and checks the repeat,
 * eight concurrent copies, a refusal, and the outage after Axon Server is killed.
 */
class LiveAxonServerTest {
  private static final String JAR =
      System.getProperty("ledger.axonserver.jar", "/tmp/axonserver/axonserver.jar");
  private static final String AT = "2024-02-10T10:00:00+09:00";

  @Test
  void repeatsRefusalsAndTheOutage_onARealAxonServer(@TempDir Path dir) throws Exception {
    assumeTrue(Files.exists(Path.of(JAR)), "no Axon Server jar at " + JAR);
    int grpc = freePort();
    Process axonServer = startAxonServer(dir.resolve("axonserver"), grpc, freePort());
    try {
      awaitPort(grpc, axonServer);
      try (var context =
          new SpringApplicationBuilder(LedgerApplication.class)
              .profiles("axonserver", "test")
              .run(
                  "--server.port=0",
                  "--spring.datasource.url=" + EmbeddedPostgresInitializer.newDatabase(),
                  "--spring.datasource.username=postgres",
                  "--spring.datasource.password=postgres",
                  "--axon.axonserver.servers=localhost:" + grpc,
                  "--ledger.data-dir=" + dir.resolve("ledger"))) {
        Api api = Api.at(((WebServerApplicationContext) context).getWebServer().getPort());
        var world = new AccessWorld(api, context.getBean(JdbcTemplate.class));
        var clinic = world.registeredFacility();
        world.activate(clinic.municipality(), "2024-02-01", "2024-02-29");
        String consent = world.consent(clinic, "P-LIVE-1", "2024-02-01T09:00:00+09:00");

        var first = world.view(clinic, "live-1", "P-LIVE-1", consent, AT);
        var again = world.view(clinic, "live-1", "P-LIVE-1", consent, AT);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.json().get("replayed").asBoolean()).isTrue();
        assertThat(again.json().get("viewId")).isEqualTo(first.json().get("viewId"));

        List<Api.Reply> copies =
            concurrently(8, () -> world.view(clinic, "live-8", "P-LIVE-1", consent, AT));
        assertThat(copies).extracting(Api.Reply::status).containsOnly(201);
        assertThat(copies)
            .extracting(r -> r.json().get("viewId").asText())
            .containsOnly(copies.get(0).json().get("viewId").asText());
        assertThat(copies).filteredOn(r -> !r.json().get("replayed").asBoolean()).hasSize(1);

        var reused = world.view(clinic, "live-1", "P-LIVE-2", consent, AT);
        assertThat(reused.status()).as(reused.toString()).isEqualTo(409);
        assertThat(reused.json().get("rule").asText()).isEqualTo("REQUEST_ID_REUSED");

        // Axon Server numbers events from 0: the chain must start there, not at 1.
        var chained = api.as("mhlw").get("/api/integrity/verify?waitSeconds=30");
        assertThat(chained.status()).as(chained.toString()).isEqualTo(200);
        assertThat(chained.json().get("ok").asBoolean()).as(chained.toString()).isTrue();
        assertThat(chained.json().get("from").asLong()).isZero();

        axonServer.destroyForcibly().waitFor();
        var down = world.view(clinic, "live-down", "P-LIVE-1", consent, AT);
        assertThat(down.status()).as(down.toString()).isEqualTo(503);
        assertThat(down.response().headers().firstValue("Retry-After")).isPresent();
        var verify = api.as("mhlw").get("/api/integrity/verify");
        assertThat(verify.status()).as(verify.toString()).isEqualTo(503);
        var health = api.as("monitor").get("/actuator/health");
        assertThat(health.status()).as(health.toString()).isEqualTo(503);
        assertThat(health.json().at("/components/axonServer/status").asText()).isEqualTo("DOWN");
      }
    } finally {
      axonServer.destroyForcibly();
    }
  }

  private static Process startAxonServer(Path dir, int grpc, int http) throws IOException {
    Files.createDirectories(dir);
    return new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m",
            "-jar",
            JAR,
            "--axoniq.axonserver.standalone=true",
            "--axoniq.axonserver.devmode.enabled=true",
            "--server.address=127.0.0.1",
            "--axoniq.axonserver.hostname=127.0.0.1",
            "--server.port=" + http,
            "--axoniq.axonserver.port=" + grpc,
            "--axoniq.axonserver.event.storage=" + dir.resolve("events"),
            "--axoniq.axonserver.snapshot.storage=" + dir.resolve("events"),
            "--axoniq.axonserver.controldb-path=" + dir.resolve("data"),
            "--axoniq.axonserver.pid-file-location=" + dir,
            "--axoniq.axonserver.replication.log-storage-folder=" + dir.resolve("log"))
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("axonserver.log").toFile())
        .start();
  }

  private static void awaitPort(int port, Process process) throws InterruptedException {
    for (int i = 0; i < 1200 && process.isAlive(); i++) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("localhost", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new AssertionError("Axon Server did not open port " + port);
  }

  private static List<Api.Reply> concurrently(int copies, Callable<Api.Reply> send)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(copies);
    try {
      List<Future<Api.Reply>> futures = new ArrayList<>();
      for (int i = 0; i < copies; i++) {
        futures.add(pool.submit(send));
      }
      List<Api.Reply> replies = new ArrayList<>();
      for (Future<Api.Reply> f : futures) {
        replies.add(f.get());
      }
      return replies;
    } finally {
      pool.shutdownNow();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
