package jp.emergencyaccess.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import jp.emergencyaccess.ledger.access.ViewRequests;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.EmbeddedPostgresInitializer;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The {@code axonserver} profile, checked without an Axon Server (none can run in CI here, and
 * nothing is mocked either): its wiring (events go to Axon Server, read models to PostgreSQL), and
 * its answers while Axon Server cannot be reached, with the gRPC connection pointed at a port where
 * nothing listens. How a live Axon Server answers repeats and refusals: AxonServerRepeatsTest and
 * docs/storage.md.
 */
class AxonServerProfileTest {
  private static ConfigurableApplicationContext context;
  private static Api api;

  @BeforeAll
  static void startWithoutAxonServer() throws Exception {
    String url = EmbeddedPostgresInitializer.newDatabase();
    context =
        new SpringApplicationBuilder(LedgerApplication.class)
            .profiles("axonserver", "test")
            .run(
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--axon.axonserver.servers=localhost:" + closedPort(),
                "--logging.level.org.axonframework=OFF",
                "--logging.level.io.axoniq=OFF");
    api = Api.at(((WebServerApplicationContext) context).getWebServer().getPort());
  }

  @AfterAll
  static void stop() {
    if (context != null) {
      context.close();
    }
  }

  /** A port that was free a moment ago: connecting to it is refused. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void eventsGoToAxonServer_andReadModelsToPostgres() throws Exception {
    assertThat(context.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
    assertThat(context.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
    try (var connection = context.getBean(DataSource.class).getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
    }
    assertThat(context.getEnvironment().getProperty("axon.axonserver.context")).isEqualTo("ledger");
    assertThat(context.getBean(ViewRequests.class)).isNotNull();
  }

  @Test
  void axonServerUnreachable_everyCommandAndVerify_answer503ProblemWithRetryAfter() {
    Map<String, Object> lookup = new LinkedHashMap<>();
    lookup.put("requestId", "outage-1");
    lookup.put("facilityCode", "1710112341");
    lookup.put("viewerId", "dr-kinjo");
    lookup.put("viewerRole", "DOCTOR");
    lookup.put("patientId", "P-OUTAGE-1");
    lookup.put("categories", List.of("MEDICATION"));
    lookup.put("at", "2024-02-01T09:00:00+09:00");
    Map<String, Object> consent = new LinkedHashMap<>();
    consent.put("facilityCode", "1710112341");
    consent.put("patientId", "P-OUTAGE-1");
    consent.put("basis", "ORAL");
    consent.put("identification", "INSURED_NUMBER");
    consent.put("recordedBy", "nurse Higa");
    consent.put("at", "2024-02-01T09:00:00+09:00");
    Map<String, Object> facility = new LinkedHashMap<>();
    facility.put("facilityCode", "4719001010");
    facility.put("kind", "CLINIC");
    facility.put("name", "Clinic outage");
    facility.put("nameKana", "クリニック");
    facility.put("postalCode", "900-8570");
    facility.put("address", "Naha 1-1");
    facility.put("municipalityCode", "472018");
    facility.put("phone", "098-866-2333");
    facility.put("at", "2020-01-01T00:00:00+09:00");

    Map<String, Api.Reply> replies = new LinkedHashMap<>();
    replies.put("lookup", api.as("kanazawa-clinic").post("/api/views", lookup));
    replies.put("consent", api.as("kanazawa-clinic").post("/api/consents", consent));
    replies.put("facility", api.as("mhlw").post("/api/facilities", facility));
    replies.put("verify", api.as("mhlw").get("/api/integrity/verify"));

    replies.forEach(
        (what, reply) -> {
          assertThat(reply.status()).as(what + ": " + reply).isEqualTo(503);
          assertThat(reply.contentType()).as(what).startsWith("application/problem+json");
          assertThat(reply.response().headers().firstValue("Retry-After")).as(what).isPresent();
          assertThat(reply.json().get("type").asText()).as(what).endsWith("store-unavailable");
        });
  }

  @Test
  void axonServerUnreachable_healthIsDown503_withTheReason() {
    var anonymous = api.anonymous().get("/actuator/health");
    assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(503);
    assertThat(anonymous.json().get("status").asText()).isEqualTo("DOWN");

    var monitor = api.as("monitor").get("/actuator/health");
    assertThat(monitor.status()).as(monitor.toString()).isEqualTo(503);
    var axonServer = monitor.json().get("components").get("axonServer");
    assertThat(axonServer.get("status").asText()).as(monitor.toString()).isEqualTo("DOWN");
    assertThat(axonServer.get("details").get("reason").asText())
        .as(monitor.toString())
        .contains("no connection to Axon Server", "ledger");
  }
}
