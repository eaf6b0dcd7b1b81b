package jp.emergencyaccess.ledger.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.emergencyaccess.ledger.access.CoveredBy;
import jp.emergencyaccess.ledger.access.DenialReason;
import jp.emergencyaccess.ledger.access.InfoCategory;
import jp.emergencyaccess.ledger.access.ViewerRole;
import jp.emergencyaccess.ledger.common.RegionCode;
import jp.emergencyaccess.ledger.consent.ConsentBasis;
import jp.emergencyaccess.ledger.consent.Identification;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.SseClient;
import jp.emergencyaccess.ledger.support.TestCodes;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;

/** The event stream over real HTTP; run on H2 and on PostgreSQL. */
abstract class StreamScenarios extends StreamFixtures {
  @Test
  void reconnectingWithLastEventId_replaysEveryLaterEventOnce_inOrder_thenGoesLive() {
    long start = head();
    for (int i = 0; i < 100; i++) {
      notice();
    }
    List<Long> first = positions(start, head());
    assertThat(first).hasSize(100);
    try (SseClient client = stream("/api/stream?from=" + start)) {
      assertThat(client.contentType()).startsWith("text/event-stream");
      List<SseClient.Message> got = client.events(100, WAIT);
      assertThat(ids(got)).containsExactlyElementsOf(first);
      SseClient.Message one = got.get(0);
      assertThat(one.event()).isEqualTo("NoticeRegistered");
      var data = one.json();
      assertThat(data.get("position").asLong()).isEqualTo(one.position());
      assertThat(data.get("type").asText()).isEqualTo("NoticeRegistered");
      assertThat(data.get("noticeId").asText()).isEqualTo(data.at("/payload/noticeId").asText());
      assertThat(data.get("at").asText()).endsWith("+09:00");
      assertThat(data.get("recordedAt").asText()).endsWith("+09:00");
      assertThat(data.at("/payload/at").asText()).endsWith("+09:00");
    }

    long last = first.get(99);
    for (int i = 0; i < 50; i++) {
      notice();
    }
    List<Long> next = positions(last, head());
    assertThat(next).hasSize(50);
    // Last-Event-ID wins over the from= a browser would repeat from the original URL.
    try (SseClient client = SseClient.open(monitor(), "/api/stream?from=0", Long.toString(last))) {
      assertThat(ids(client.events(50, WAIT))).containsExactlyElementsOf(next);
      String marker = notice();
      SseClient.Message live = client.events(1, WAIT).get(0);
      assertThat(live.json().get("noticeId").asText()).as("nothing between").isEqualTo(marker);
    }

    long through = head();
    try (SseClient client = stream("/api/stream?from=0")) {
      List<SseClient.Message> all = client.eventsThrough(through, WAIT);
      assertThat(all.size()).isGreaterThanOrEqualTo(151);
      assertThat(ids(all)).containsExactlyElementsOf(positions(0, through));
    }
  }

  @Test
  void aLiveSubscriber_seesTheEventOfACommandAfterItsAnswer() {
    try (SseClient client = stream("/api/stream?types=RegionActivated")) {
      client.awaitOpen(WAIT);
      String noticeId = notice();
      String region = municipality(44);
      activate(region, noticeId);
      SseClient.Message event = client.events(1, WAIT).get(0);
      assertThat(event.event()).isEqualTo("RegionActivated");
      assertThat(event.json().get("regionCode").asText()).isEqualTo(region);
      assertThat(event.json().get("noticeId").asText()).isEqualTo(noticeId);
    }
  }

  @Test
  void filters_returnOnlyMatchingEvents() {
    long start = head();
    String noticeId = notice();
    String a = municipality(43);
    String b = municipality(44);
    activate(a, noticeId);
    activate(b, noticeId);
    String f = facilityIn(a);
    String g = facilityIn(b);
    long through = head();
    String prefecture43 = RegionCode.ofPrefecture(43).value();

    assertThat(
            types(
                "/api/stream?from=" + start + "&types=RegionActivated,FacilityRegistered", through))
        .containsExactly(
            "RegionActivated " + a,
            "RegionActivated " + b,
            "FacilityRegistered " + f,
            "FacilityRegistered " + g);
    assertThat(types("/api/stream?from=" + start + "&region=" + prefecture43, through))
        .containsExactly("RegionActivated " + a, "FacilityRegistered " + f);
    assertThat(types("/api/stream?from=" + start + "&region=" + b, through))
        .containsExactly("RegionActivated " + b, "FacilityRegistered " + g);
    assertThat(types("/api/stream?from=" + start + "&facility=" + g, through))
        .containsExactly("FacilityRegistered " + g);
    assertThat(types("/api/stream?from=" + start + "&types=NoticeRegistered", through))
        .containsExactly("NoticeRegistered " + noticeId);
  }

  /** "Type subject" of each event the filtered stream sends up to {@code through}. */
  private List<String> types(String path, long through) {
    try (SseClient client = stream(path)) {
      return client.eventsThrough(through, WAIT).stream()
          .map(
              m -> {
                var data = m.json();
                String subject =
                    data.has("facilityCode")
                        ? data.get("facilityCode").asText()
                        : data.has("regionCode")
                            ? data.get("regionCode").asText()
                            : data.get("noticeId").asText();
                return m.event() + " " + subject;
              })
          .toList();
    }
  }

  @Test
  void monitoringFundAndMinistryMayRead_aFacilityMayNot() {
    for (String account : List.of("monitor", "fund", "mhlw")) {
      try (SseClient client = SseClient.open(api().as(account), "/api/stream")) {
        assertThat(client.status()).as(account).isEqualTo(200);
        assertThat(client.contentType()).startsWith("text/event-stream");
      }
      assertThat(api().as(account).get("/actuator/prometheus").status()).isEqualTo(200);
    }
    try (SseClient client = SseClient.open(api().as("kanazawa-clinic"), "/api/stream")) {
      assertThat(client.status()).isEqualTo(403);
    }
    try (SseClient client = SseClient.open(api(), "/api/stream")) {
      assertThat(client.status()).isEqualTo(401);
    }
    assertThat(api().as("kanazawa-clinic").get("/actuator/prometheus").status()).isEqualTo(403);
    assertThat(api().get("/actuator/prometheus").status()).isEqualTo(401);
    assertThat(api().get("/actuator/health").status()).isEqualTo(200);

    assertThat(monitor().get("/api/stream?from=abc").status()).isEqualTo(400);
    assertThat(monitor().get("/api/stream?region=123").status()).isEqualTo(400);
    assertThat(monitor().get("/api/stream?facility=1710112342").status()).isEqualTo(400);
    assertThat(monitor().get("/api/stream?types=A;B").status()).isEqualTo(400);
  }

  @Test
  void fiftySubscribers_eachGetEveryEventOfTwoThousandConcurrentCommandsOnce_inOrder()
      throws Exception {
    long start = head();
    List<SseClient> clients = new ArrayList<>();
    try {
      for (int i = 0; i < 50; i++) {
        clients.add(stream("/api/stream?from=" + start).awaitOpen(WAIT));
      }
      ExecutorService senders = Executors.newFixedThreadPool(8);
      try {
        List<Future<?>> sent = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          String series = TestCodes.series();
          sent.add(
              senders.submit(
                  () -> {
                    for (int revision = 1; revision <= 250; revision++) {
                      notice(series, revision);
                    }
                  }));
        }
        for (Future<?> f : sent) {
          f.get();
        }
      } finally {
        senders.shutdown();
      }
      long through = head();
      List<Long> expected = positions(start, through);
      assertThat(expected).hasSize(2000);
      for (SseClient client : clients) {
        assertThat(ids(client.eventsThrough(through, WAIT))).containsExactlyElementsOf(expected);
      }
    } finally {
      clients.forEach(SseClient::close);
    }
  }

  @Test
  void viewsAndDenials_areCountedFromAnyEventOfThatName_andNoPatientIdIsStreamed()
      throws Exception {
    Metrics before = Metrics.scrape(monitor());
    long start = head();
    events.publish(
        new MedicalInfoViewed("v-" + start, "1710112341", "ALLOWED", "ref", Instant.now()));
    events.publish(
        new MedicalInfoViewDenied(
            "d-" + start,
            "1710112341",
            "DENIED",
            List.of("NOT_ACTIVATED", "CONSENT_MISSING"),
            "patient-secret-id",
            "ref",
            Instant.now()));
    Metrics after =
        Metrics.awaitUntil(
            monitor(),
            m ->
                m.delta(before, "ledger_views_total{decision=\"DENIED\",prefecture=\"17\"}") >= 1
                    && m.delta(before, "ledger_views_total{decision=\"ALLOWED\",prefecture=\"17\"}")
                        >= 1
                    && m.delta(before, "ledger_denials_total{reason=\"CONSENT_MISSING\"}") >= 1,
            WAIT);
    assertThat(after.delta(before, "ledger_views_total{decision=\"ALLOWED\",prefecture=\"17\"}"))
        .isEqualTo(1);
    assertThat(after.delta(before, "ledger_views_total{decision=\"DENIED\",prefecture=\"17\"}"))
        .isEqualTo(1);
    assertThat(after.delta(before, "ledger_denials_total{reason=\"NOT_ACTIVATED\"}")).isEqualTo(1);
    assertThat(after.delta(before, "ledger_denials_total{reason=\"CONSENT_MISSING\"}"))
        .isEqualTo(1);

    try (SseClient client = stream("/api/stream?from=" + start + "&types=MedicalInfoViewDenied")) {
      SseClient.Message denied = client.events(1, WAIT).get(0);
      assertThat(denied.data()).doesNotContain("patientId").doesNotContain("patient-secret-id");
      assertThat(denied.json().at("/payload/patientRef").asText()).isEqualTo("ref");
      assertThat(denied.json().get("facilityCode").asText()).isEqualTo("1710112341");
    }
  }

  @Test
  void theLedgersOwnViewEvents_areCountedByDecisionPrefectureAndReason() throws Exception {
    Metrics before = Metrics.scrape(monitor());
    Instant at = Instant.parse("2024-02-20T01:00:00Z");
    CoveredBy covered = CoveredBy.region("472018", "stream-test");
    events.publish(
        new jp.emergencyaccess.ledger.access.MedicalInfoViewed(
            "v-own-" + head(),
            "r-1",
            "4710000001",
            "dr",
            ViewerRole.DOCTOR,
            "ref",
            List.of(InfoCategory.MEDICATION),
            "c-1",
            ConsentBasis.ORAL,
            Identification.INSURED_NUMBER,
            covered,
            at));
    events.publish(
        new jp.emergencyaccess.ledger.access.MedicalInfoViewDenied(
            "d-own-" + head(),
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
            List.of(DenialReason.FACILITY_SUSPENDED),
            at));
    Metrics after =
        Metrics.awaitUntil(
            monitor(),
            m ->
                m.delta(before, "ledger_views_total{decision=\"ALLOWED\",prefecture=\"47\"}") >= 1
                    && m.delta(before, "ledger_views_total{decision=\"DENIED\",prefecture=\"47\"}")
                        >= 1,
            WAIT);
    assertThat(after.delta(before, "ledger_views_total{decision=\"ALLOWED\",prefecture=\"47\"}"))
        .isEqualTo(1);
    assertThat(after.delta(before, "ledger_views_total{decision=\"DENIED\",prefecture=\"47\"}"))
        .isEqualTo(1);
    assertThat(after.delta(before, "ledger_denials_total{reason=\"FACILITY_SUSPENDED\"}"))
        .isEqualTo(1);
  }

  @Test
  void commandCounters_matchTheCommandsSent_inPrometheusTextFormat() {
    Metrics before = Metrics.scrape(monitor());
    String first = notice();
    for (int i = 0; i < 4; i++) {
      notice();
    }
    Api.Reply again =
        mhlw()
            .post(
                "/api/notices",
                Map.of(
                    "noticeId",
                    first,
                    "series",
                    TestCodes.series(),
                    "revision",
                    1,
                    "issuedOn",
                    "2024-01-02",
                    "title",
                    "again"));
    assertThat(again.status()).isEqualTo(409);
    Metrics after = Metrics.scrape(monitor());
    String command = "ledger_commands_total{command=\"RegisterNotice\",outcome=\"";
    assertThat(after.delta(before, command + "success\"}")).isEqualTo(5);
    assertThat(after.delta(before, command + "rejected\"}")).isEqualTo(1);
    assertThat(after.delta(before, command + "error\"}")).isZero();
    assertThat(after.names())
        .contains(
            "ledger_stream_subscribers", "ledger_processor_lag_events", "ledger_commands_total");
    assertThat(after.value("ledger_processor_lag_events{processor=\"ledger-metrics\"}"))
        .isNotNull();
    // No per-message metrics of Axon's (axon-micrometer is not on the class path): commands are
    // ledger_commands_total, processors' progress ledger_processor_lag_events.
    assertThat(after.names())
        .noneMatch(
            name ->
                name.startsWith("commandBus")
                    || name.startsWith("eventStore")
                    || name.startsWith("eventProcessor"));
  }

  @Test
  void health_reportsTheStoreAndTheProcessors_andAStoppedProcessorIsDown() {
    Api.Reply health = monitor().get("/actuator/health");
    assertThat(health.status()).as(health.toString()).isEqualTo(200);
    var components = health.json().get("components");
    assertThat(components.at("/eventStore/status").asText()).isEqualTo("UP");
    assertThat(components.at("/eventStore/details/headPosition").asLong())
        .isGreaterThanOrEqualTo(0);
    assertThat(components.at("/eventProcessors/status").asText()).isEqualTo("UP");
    assertThat(components.at("/eventProcessors/details/ledger-metrics/state").asText())
        .isEqualTo("RUNNING");

    StreamingEventProcessor metrics =
        axon.eventProcessingConfiguration()
            .eventProcessor("ledger-metrics", StreamingEventProcessor.class)
            .orElseThrow();
    metrics.shutDown();
    try {
      Api.Reply down = monitor().get("/actuator/health");
      assertThat(down.status()).isEqualTo(503);
      assertThat(down.json().at("/components/eventProcessors/status").asText()).isEqualTo("DOWN");
      assertThat(
              down.json().at("/components/eventProcessors/details/ledger-metrics/state").asText())
          .isEqualTo("STOPPED");
    } finally {
      metrics.start();
    }
  }

  @Test
  void aQuietStream_sendsKeepAliveComments() {
    try (SseClient client = stream("/api/stream?types=NoSuchEventType")) {
      client.awaitOpen(WAIT);
      SseClient.Message message;
      do {
        message = client.next(WAIT);
        assertThat(message).as("a keep-alive comment").isNotNull();
        assertThat(message.isEvent()).isFalse();
      } while (!message.comment().equals("keep-alive"));
    }
  }
}
