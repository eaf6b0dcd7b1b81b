package jp.emergencyaccess.ledger.integrity;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.emergencyaccess.ledger.common.CommandSender;
import jp.emergencyaccess.ledger.notice.RegisterNotice;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Not a test: prints how fast the chain follows a store and how fast verification runs. Its class
 * names do not end in "Test", so {@code mvn verify} never runs it; run it with {@code mvn -B -o
 * test -Dtest=IntegrityBenchmarkOnH2} (or {@code OnPostgres}); {@code -Dledger.benchmark.events=N}
 * sets how many events the store gets (default 100,000), copied by SQL from one real event.
 */
abstract class IntegrityBenchmark {
  @Autowired CommandSender commands;
  @Autowired JdbcTemplate jdbc;
  @Autowired ChainVerifier verifier;

  @Value("${ledger.benchmark.events:100000}")
  int events;

  @Test
  void benchmark() {
    commands.send(
        new RegisterNotice(
            "bench-template",
            "bench",
            1,
            LocalDate.of(2024, 1, 2),
            "令和6年能登半島地震に関連する緊急時医療情報・資格確認機能の利用について(その1)",
            "confirmed by the ministry's notice",
            Instant.parse("2024-01-02T00:00:00Z")));
    Map<String, Object> template =
        jdbc.queryForMap(
            "select type, timestamp, payloadtype, payloadrevision, payload, metadata"
                + " from domainevententry where aggregateidentifier = 'bench-template'");
    ChainWait.untilChained(jdbc, ChainWait.lastEvent(jdbc));

    long started = System.nanoTime();
    int batch = 1000;
    for (int done = 0; done < events; done += batch) {
      List<Object[]> rows = new ArrayList<>();
      for (int i = 0; i < batch; i++) {
        String id = UUID.randomUUID().toString();
        rows.add(
            new Object[] {
              id,
              id,
              0L,
              template.get("type"),
              template.get("timestamp"),
              template.get("payloadtype"),
              template.get("payloadrevision"),
              template.get("payload"),
              template.get("metadata")
            });
      }
      jdbc.batchUpdate(
          "insert into domainevententry (eventidentifier, aggregateidentifier, sequencenumber,"
              + " type, timestamp, payloadtype, payloadrevision, payload, metadata)"
              + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
          rows);
    }
    double written = seconds(started);
    ChainWait.untilChained(jdbc, ChainWait.lastEvent(jdbc));
    double chained = seconds(started);
    System.out.printf(
        "%n[integrity benchmark] %d events inserted by SQL in %.1f s; the chain covered them"
            + " %.1f s after the first insert (%.0f events/s end to end)%n",
        events, written, chained, events / chained);

    for (int run = 1; run <= 3; run++) {
      long t = System.nanoTime();
      Verification v = verifier.verify(null, null);
      double s = seconds(t);
      System.out.printf(
          "[integrity benchmark] verification run %d: ok=%s, %d events + %d gaps, %d checkpoints"
              + " in %.2f s = %.0f events/s%n",
          run, v.ok(), v.checked(), v.gaps(), v.checkpointsChecked(), s, v.checked() / s);
    }
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}
