package jp.emergencyaccess.ledger.bench;

import static jp.emergencyaccess.ledger.bench.BenchmarkSuite.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.SseClient;

/** (5) Stream fan-out: command throughput while stream (SSE) subscribers read every event. */
final class StreamFanOut {
  private final Api api;
  private final EventCounts store;
  private final ClientThreads clients;
  private final int commands;

  StreamFanOut(Api api, EventCounts store, ClientThreads clients, int commands) {
    this.api = api;
    this.store = store;
    this.clients = clients;
    this.commands = commands;
  }

  /** Notice registrations over HTTP while {@code subscribers} stream clients read every event. */
  double commandsWithSubscribers(int subscribers) throws Exception {
    long start = store.head();
    List<SseClient> streams = new ArrayList<>();
    try {
      for (int i = 0; i < subscribers; i++) {
        streams.add(SseClient.open(api.as("monitor"), "/api/stream?from=" + start));
      }
      for (SseClient stream : streams) {
        check(stream.status() == 200, "stream refused: " + stream.status());
        stream.awaitOpen(Duration.ofSeconds(60));
      }
      String series = "bench-" + UUID.randomUUID().toString().substring(0, 8);
      Api mhlw = api.as("mhlw");
      double perSecond =
          clients.run(
              commands,
              i ->
                  ViewSetup.expect(
                      201,
                      mhlw.post(
                          "/api/notices",
                          Map.of(
                              "noticeId",
                              series + "-" + i,
                              "series",
                              series + "-" + i,
                              "revision",
                              1,
                              "issuedOn",
                              "2024-01-02",
                              "title",
                              "benchmark"))));
      long through = store.head();
      for (SseClient stream : streams) {
        int got = stream.eventsThrough(through, Duration.ofSeconds(120)).size();
        check(got >= commands, "a subscriber got " + got + " events");
      }
      return perSecond;
    } finally {
      streams.forEach(SseClient::close);
    }
  }
}
