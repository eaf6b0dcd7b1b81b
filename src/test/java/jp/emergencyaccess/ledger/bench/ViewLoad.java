package jp.emergencyaccess.ledger.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import jp.emergencyaccess.ledger.support.Api;

/** Measures view decisions: distinct lookups over HTTP from client threads. */
final class ViewLoad {
  private final Api api;

  ViewLoad(Api api) {
    this.api = api;
  }

  /** Figures of one measured run. */
  record Figures(
      String label,
      int views,
      int errors,
      double perSecond,
      double p50,
      double p99,
      double cpuMicrosPerView) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%-32s %7d views %4d errors %7.0f decisions/s  p50 %6.2f ms  p99 %6.2f ms"
              + "  process CPU %5.0f µs/decision (server and client)",
          label,
          views,
          errors,
          perSecond,
          p50,
          p99,
          cpuMicrosPerView);
    }
  }

  /** Sends {@code views} distinct lookups from {@code threads} threads; all must be allowed. */
  Figures measure(String label, ViewSetup.Client client, int views, int threads) throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    long[] latencies = new long[views];
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long cpuBefore = processCpuNanos();
    long started = System.nanoTime();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < views; i = next.getAndIncrement()) {
                    long sent = System.nanoTime();
                    var reply = api.send(lookup(client, run + "-" + i));
                    latencies[i] = System.nanoTime() - sent;
                    if (reply.status() != 201) {
                      errors.incrementAndGet();
                    }
                  }
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    double cpuMicros = (processCpuNanos() - cpuBefore) / 1e3 / views;
    Arrays.sort(latencies);
    return new Figures(
        label,
        views,
        errors.get(),
        views / seconds,
        latencies[(int) (views * 0.50)] / 1e6,
        latencies[Math.min(views - 1, (int) (views * 0.99))] / 1e6,
        cpuMicros);
  }

  /**
   * CPU time of this whole process (server and client threads): on a shared machine it says more
   * about the cost of a decision than wall-clock throughput does.
   */
  private static long processCpuNanos() {
    var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun
        ? sun.getProcessCpuTime()
        : -1;
  }

  private HttpRequest.Builder lookup(ViewSetup.Client client, String requestId) {
    String body =
        "{\"requestId\":\""
            + requestId
            + "\",\"facilityCode\":\""
            + client.facilityCode()
            + "\",\"viewerId\":\"bench\",\"viewerRole\":\"DOCTOR\",\"patientId\":\""
            + client.patientId()
            + "\",\"categories\":[\"MEDICATION\"],\"consentId\":\""
            + client.consentId()
            + "\",\"at\":\""
            + ViewSetup.AT
            + "\"}";
    return api.as(client.account())
        .request("/api/views")
        .version(HttpClient.Version.HTTP_1_1)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }
}
