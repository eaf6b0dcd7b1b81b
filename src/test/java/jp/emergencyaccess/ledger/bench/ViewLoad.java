package jp.emergencyaccess.ledger.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import jp.emergencyaccess.ledger.access.InfoCategory;
import jp.emergencyaccess.ledger.access.ViewIds;
import jp.emergencyaccess.ledger.access.ViewMedicalInfo;
import jp.emergencyaccess.ledger.access.ViewRequests;
import jp.emergencyaccess.ledger.access.ViewerRole;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.CpuTime;

/** Measures view decisions: distinct lookups from client threads, over HTTP or in-process. */
final class ViewLoad {
  private final List<Api> nodes;
  private final Api api;
  private final ViewRequests decisions;

  /** Lookups over HTTP go to {@code nodes} in turn; everything else to the first. */
  ViewLoad(List<Api> nodes, ViewRequests decisions) {
    this.nodes = List.copyOf(nodes);
    this.api = nodes.get(0);
    this.decisions = decisions;
  }

  /** Figures of one measured run. */
  record Figures(
      String label,
      int views,
      int errors,
      double perSecond,
      double p50,
      double p99,
      double cpuMicrosPerView,
      double callerCpuMicrosPerView) {
    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "%-32s %7d views %4d errors %7.0f decisions/s  p50 %6.2f ms  p99 %6.2f ms"
              + "  CPU/decision: process %5.0f µs, calling threads %5.0f µs",
          label,
          views,
          errors,
          perSecond,
          p50,
          p99,
          cpuMicrosPerView,
          callerCpuMicrosPerView);
    }
  }

  /** Sends {@code views} distinct lookups over HTTP from {@code threads} threads; all allowed. */
  Figures measure(String label, ViewSetup.Client client, int views, int threads) throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    return measure(
        label,
        views,
        threads,
        i -> {
          Api node = nodes.get(i % nodes.size());
          return node.send(lookup(node, client, run + "-" + i)).status() == 201;
        });
  }

  /**
   * The floor under every HTTP figure: {@code count} authenticated GETs of the facility's own
   * activation check (answered from memory, nothing recorded), same client, same threads.
   */
  Figures measureHttpFloor(String label, ViewSetup.Client client, int count, int threads)
      throws Exception {
    String path = "/api/activation/check?facility=" + client.facilityCode() + "&at=" + ViewSetup.AT;
    return measure(
        label,
        count,
        threads,
        i ->
            api.send(
                        api.as(client.account())
                            .request(path.replace("+", "%2B"))
                            .version(HttpClient.Version.HTTP_1_1)
                            .GET())
                    .status()
                == 200);
  }

  /**
   * The same lookups handed straight to the ledger's decision path ({@link ViewRequests}, the
   * service the HTTP controller calls) from {@code threads} threads: the decision rate without
   * Tomcat, Spring Security, MVC and the HTTP client.
   */
  Figures measureInProcess(
      String label, ViewSetup.Client client, String patientRef, int views, int threads)
      throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    Instant at = OffsetDateTime.parse(ViewSetup.AT).toInstant();
    return measure(
        label,
        views,
        threads,
        i -> {
          String requestId = run + "-" + i;
          return decisions
              .decide(
                  new ViewMedicalInfo(
                      ViewIds.derive(client.facilityCode(), requestId),
                      requestId,
                      client.facilityCode(),
                      "bench",
                      ViewerRole.DOCTOR,
                      patientRef,
                      List.of(InfoCategory.MEDICATION),
                      client.consentId(),
                      at,
                      true))
              .allowed();
        });
  }

  private Figures measure(String label, int views, int threads, IntPredicate allowed)
      throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicLong callerCpu = new AtomicLong();
    long[] latencies = new long[views];
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    long cpuBefore = CpuTime.processNanos();
    Map<String, Long> threadsBefore = CpuTime.byThreadGroup();
    long started = System.nanoTime();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(
            pool.submit(
                () -> {
                  long cpuStart = CpuTime.currentThreadNanos();
                  for (int i = next.getAndIncrement(); i < views; i = next.getAndIncrement()) {
                    long sent = System.nanoTime();
                    boolean ok = allowed.test(i);
                    latencies[i] = System.nanoTime() - sent;
                    if (!ok) {
                      errors.incrementAndGet();
                    }
                  }
                  callerCpu.addAndGet(CpuTime.currentThreadNanos() - cpuStart);
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    double cpuMicros = (CpuTime.processNanos() - cpuBefore) / 1e3 / views;
    CpuTime.printByThreadGroup(label, threadsBefore, CpuTime.byThreadGroup(), views);
    Arrays.sort(latencies);
    return new Figures(
        label,
        views,
        errors.get(),
        views / seconds,
        latencies[(int) (views * 0.50)] / 1e6,
        latencies[Math.min(views - 1, (int) (views * 0.99))] / 1e6,
        cpuMicros,
        callerCpu.get() / 1e3 / views);
  }

  private static HttpRequest.Builder lookup(Api api, ViewSetup.Client client, String requestId) {
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
