package jp.emergencyaccess.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import jp.emergencyaccess.ledger.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Stopping the ledger and starting it again on the same H2 file loses nothing. */
class RestartTest {

  private static ConfigurableApplicationContext start(Path dataDir) {
    return new SpringApplicationBuilder(LedgerApplication.class)
        .run(
            "--server.port=0",
            "--ledger.data-dir=" + dataDir,
            "--logging.level.org.axonframework=WARN",
            "--logging.level.org.springframework=WARN");
  }

  private static Api api(ConfigurableApplicationContext context) {
    int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    return Api.at(port).as("mhlw");
  }

  @Test
  void answersAreTheSameAfterARestart_andNewCommandsSeeTheOldHistory() throws Exception {
    Path dataDir = Files.createTempDirectory(Path.of("target"), "restart-");
    String notices;
    String region;
    String activation;
    try (var first = start(dataDir)) {
      Api api = api(first);
      assertThat(
              api.post(
                      "/api/notices",
                      Map.of(
                          "noticeId",
                          "noto-2024-ext-8",
                          "series",
                          "noto-2024",
                          "revision",
                          5,
                          "issuedOn",
                          "2024-02-13",
                          "title",
                          "その8"))
                  .status())
          .isEqualTo(201);
      assertThat(
              api.post(
                      "/api/regions/172022/activate",
                      Map.of(
                          "from",
                          "2024-01-01",
                          "until",
                          "2024-02-29",
                          "noticeId",
                          "noto-2024-ext-8"))
                  .status())
          .isEqualTo(201);
      notices = api.get("/api/notices").text();
      region = api.get("/api/regions/172022").text();
      activation = api.get("/api/activation?at=2024-02-20").text();
    }

    try (var second = start(dataDir)) {
      Api api = api(second);
      assertThat(api.get("/api/notices").text()).isEqualTo(notices);
      assertThat(api.get("/api/regions/172022").text()).isEqualTo(region);
      assertThat(api.get("/api/activation?at=2024-02-20").text()).isEqualTo(activation);
      assertThat(activation).contains("172022");
      // The Region aggregate was rebuilt from its stored events: an overlapping period is refused.
      var overlap =
          api.post(
              "/api/regions/172022/activate",
              Map.of("from", "2024-02-01", "until", "2024-03-07", "noticeId", "noto-2024-ext-8"));
      assertThat(overlap.status()).isEqualTo(409);
      var extend =
          api.post(
              "/api/regions/172022/extend",
              Map.of("until", "2024-03-07", "noticeId", "noto-2024-ext-8"));
      assertThat(extend.status()).isEqualTo(201);
      assertThat(extend.json().at("/periods/0/until").asText()).isEqualTo("2024-03-07");
    }
  }

  @Test
  void rebuildingTheReadModelsFromTheEventsGivesTheSameAnswers() throws Exception {
    Path dataDir = Files.createTempDirectory(Path.of("target"), "rebuild-");
    String notices;
    String region;
    try (var first = start(dataDir)) {
      Api api = api(first);
      api.post(
          "/api/notices",
          Map.of(
              "noticeId",
              "noto-2024-ext-1",
              "series",
              "noto-2024",
              "revision",
              3,
              "issuedOn",
              "2024-01-05",
              "title",
              "延長"));
      api.post(
          "/api/regions/162051/activate",
          Map.of("from", "2024-01-01", "until", "2024-01-07", "noticeId", "noto-2024-ext-1"));
      api.post(
          "/api/regions/162051/extend",
          Map.of("until", "2024-01-14", "noticeId", "noto-2024-ext-1"));
      notices = api.get("/api/notices").text();
      region = api.get("/api/regions/162051").text();
      assertThat(region).contains("2024-01-14");
    }

    var output = new java.io.ByteArrayOutputStream();
    var original = System.out;
    System.setOut(new java.io.PrintStream(output, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      assertThat(
              jp.emergencyaccess.ledger.infra.CommandLine.run(
                  LedgerApplication.class,
                  new String[] {
                    "rebuild", "--ledger.data-dir=" + dataDir, "--logging.level.root=WARN"
                  }))
          .isTrue();
    } finally {
      System.setOut(original);
    }
    assertThat(output.toString(java.nio.charset.StandardCharsets.UTF_8))
        .contains("done: 3 events replayed");

    try (var second = start(dataDir)) {
      Api api = api(second);
      assertThat(api.get("/api/notices").text()).isEqualTo(notices);
      assertThat(api.get("/api/regions/162051").text()).isEqualTo(region);
    }
  }
}
