package jp.emergencyaccess.ledger.stream;

import java.util.ArrayList;
import java.util.List;
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
      System.out.printf(
          "BENCH %s subscribers=%d commands=%d in %.2f s = %.0f commands/s;"
              + " all subscribers had all %d events after %.2f s (%d deliveries)%n",
          getClass().getSimpleName(),
          subscriberCount,
          COMMANDS,
          seconds,
          COMMANDS / seconds,
          through - start,
          allDelivered,
          received);
    } finally {
      subscribers.forEach(SseClient::close);
    }
  }
}
