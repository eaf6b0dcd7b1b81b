package jp.emergencyaccess.ledger.stream;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.emergencyaccess.ledger.support.SseClient;
import jp.emergencyaccess.ledger.support.TestCodes;
import org.junit.jupiter.api.Test;

/**
 * Command throughput with no stream subscribers and with 100, and how long the subscribers take to
 * have every event. A benchmark, not a test: it prints figures and is run on its own:
 *
 * <pre>mvn -B -o test -Dtest='StreamBenchmarkOn*' -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
abstract class StreamBenchmark extends StreamFixtures {
  private static final int COMMANDS = 2000;
  private static final int THREADS = 8;

  @Test
  void commandThroughput_withoutAndWithSubscribers() throws Exception {
    run(0);
    for (int round = 1; round <= 2; round++) {
      run(0);
      run(100);
    }
  }

  private void run(int subscriberCount) throws Exception {
    long start = head();
    List<SseClient> subscribers = new ArrayList<>();
    try {
      for (int i = 0; i < subscriberCount; i++) {
        subscribers.add(stream("/api/stream?from=" + start).awaitOpen(WAIT));
      }
      Metrics metricsBefore = Metrics.scrape(monitor());
      Map<String, Long> cpuBefore = cpuByThreadKind();
      long began = System.nanoTime();
      ExecutorService senders = Executors.newFixedThreadPool(THREADS);
      try {
        List<Future<?>> sent = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          String series = TestCodes.series();
          sent.add(
              senders.submit(
                  () -> {
                    for (int revision = 1; revision <= COMMANDS / THREADS; revision++) {
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
      double seconds = (System.nanoTime() - began) / 1e9;
      long through = head();
      int received = 0;
      for (SseClient subscriber : subscribers) {
        received += subscriber.eventsThrough(through, WAIT).size();
      }
      double allDelivered = (System.nanoTime() - began) / 1e9;
      Map<String, Long> cpuAfter = cpuByThreadKind();
      StringBuilder cpu = new StringBuilder();
      cpuAfter.forEach(
          (kind, nanos) ->
              cpu.append(
                  String.format(
                      " %s=%.2fs", kind, (nanos - cpuBefore.getOrDefault(kind, 0L)) / 1e9)));
      double reordered =
          Metrics.scrape(monitor()).delta(metricsBefore, "ledger_stream_reordered_events_total");
      System.out.printf(
          "BENCH %s subscribers=%d commands=%d in %.2f s = %.0f commands/s;"
              + " all subscribers had all %d events after %.2f s (%d deliveries,"
              + " %.0f reordered); CPU:%s%n",
          getClass().getSimpleName(),
          subscriberCount,
          COMMANDS,
          seconds,
          COMMANDS / seconds,
          through - start,
          allDelivered,
          received,
          reordered,
          cpu);
    } finally {
      subscribers.forEach(SseClient::close);
    }
  }

  /** CPU time of this JVM's threads, by kind: server readers, test clients, web server, other. */
  private static Map<String, Long> cpuByThreadKind() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, Long> cpu = new TreeMap<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      String name = thread.getName();
      String kind =
          name.startsWith("ledger-stream-")
              ? "streamReaders"
              : name.startsWith("sse-client") || name.startsWith("HttpClient")
                  ? "testClients"
                  : name.startsWith("http-nio") ? "webServer" : "other";
      long nanos = threads.getThreadCpuTime(thread.getId());
      if (nanos > 0) {
        cpu.merge(kind, nanos, Long::sum);
      }
    }
    return cpu;
  }
}
