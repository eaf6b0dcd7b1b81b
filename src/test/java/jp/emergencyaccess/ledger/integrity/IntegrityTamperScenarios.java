package jp.emergencyaccess.ledger.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import jp.emergencyaccess.ledger.common.CommandSender;
import jp.emergencyaccess.ledger.notice.RegisterNotice;
import jp.emergencyaccess.ledger.support.HttpTest;
import jp.emergencyaccess.ledger.support.TestCodes;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.env.Environment;

/**
 * Tampering with the stored events by plain SQL through the application's DataSource, on a store of
 * its own (a dedicated context, so no other test sees the damage); every test restores what it
 * broke and checks that the store verifies again.
 */
abstract class IntegrityTamperScenarios extends HttpTest {
  private static final AtomicInteger REVISIONS = new AtomicInteger();

  @Autowired CommandSender commands;
  @Autowired Chainer chainer;
  @Autowired DataSource dataSource;
  @Autowired Environment environment;
  @Autowired EventStore eventStore;

  @Autowired
  @Qualifier("eventSerializer")
  Serializer eventSerializer;

  private EventTable table() {
    return new EventTable(jdbc, dataSource);
  }

  /** Registers a notice with that title and returns its event's position. */
  private long record(String title) {
    String id = TestCodes.noticeId("tamper");
    commands.send(
        new RegisterNotice(
            id,
            TestCodes.series(),
            1,
            LocalDate.of(2024, 1, 2),
            title,
            null,
            Instant.parse("2024-01-02T00:00:00Z")));
    return ChainWait.positionOf(jdbc, id);
  }

  private JsonNode verify() {
    return fund().get("/api/integrity/verify").json();
  }

  private void assertIntact() {
    JsonNode v = verify();
    assertThat(v.get("ok").asBoolean()).as(v.toString()).isTrue();
  }

  private void assertFirstBroken(long position, String problem) {
    JsonNode v = verify();
    assertThat(v.get("ok").asBoolean()).as(v.toString()).isFalse();
    assertThat(v.at("/firstBroken/position").asLong()).as(v.toString()).isEqualTo(position);
    assertThat(v.at("/firstBroken/problem").asText()).as(v.toString()).isEqualTo(problem);
  }

  /** The command-line verifier against this store, as an operator would run it. */
  private int commandLine(ByteArrayOutputStream out, String... extra) {
    List<String> args = new ArrayList<>(List.of(extra));
    for (String key :
        List.of(
            "spring.datasource.url",
            "spring.datasource.username",
            "spring.datasource.password",
            "ledger.data-dir",
            "ledger.integrity.signing-key",
            "ledger.integrity.generate-key")) {
      args.add("--" + key + "=" + environment.getProperty(key, ""));
    }
    return IntegrityCommandLine.verify(
        args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @Test
  void anUntouchedStore_verifiesOk_overHttpAndOnTheCommandLine() {
    long last = 0;
    for (int i = 0; i < 5; i++) {
      last = record("untouched " + i);
    }
    ChainWait.untilChained(jdbc, last);

    assertIntact();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(commandLine(out)).as(out.toString()).isZero();
    assertThat(out.toString())
        .contains("OK: ")
        .contains("events/s")
        .contains("\"signaturesChecked\" : true");
  }

  /**
   * Events the chainer has not reached are not verified: the answer counts them and is not ok, the
   * command line exits 3; with a wait, both answer once the chain has reached them.
   */
  @Test
  void eventsAfterTheChainsHead_areCountedAsUnchained_untilTheChainReachesThem() throws Exception {
    ChainWait.untilChained(jdbc, record("chained"));
    chainer.stop();
    try {
      for (int i = 0; i < 3; i++) {
        record("unchained " + i);
      }
      JsonNode v = verify();
      assertThat(v.get("ok").asBoolean()).as(v.toString()).isFalse();
      assertThat(v.get("intact").asBoolean()).as(v.toString()).isTrue();
      assertThat(v.get("unchained").asLong()).as(v.toString()).isEqualTo(3);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertThat(commandLine(out)).as(out.toString()).isEqualTo(3);
      assertThat(out.toString()).contains("NOT ALL CHAINED: 3 events");
      ByteArrayOutputStream waited = new ByteArrayOutputStream();
      assertThat(commandLine(waited, "--wait=PT0.5S")).as(waited.toString()).isEqualTo(3);
      assertThat(waited.toString()).contains("did not reach the store's head within PT0.5S");
    } finally {
      CompletableFuture.runAsync(
          chainer::start, CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS));
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThat(commandLine(out, "--wait")).as(out.toString()).isZero();
    assertThat(out.toString()).contains("OK: ").contains("\"unchained\" : 0");
    JsonNode v = fund().get("/api/integrity/verify?waitSeconds=30").json();
    assertThat(v.get("ok").asBoolean()).as(v.toString()).isTrue();
    assertThat(fund().get("/api/integrity/verify?waitSeconds=61").status()).isEqualTo(400);
  }

  /**
   * The axonserver profile chains from Axon's event stream; on this store the same stream (here
   * with the JDBC engine's token type) must give the digests that the table gives.
   */
  @Test
  void axonsEventStream_givesTheDigestsThatTheTableGives() {
    long first = record("streamed 1");
    long last = record("streamed 2");
    StoredEvents stream =
        new AxonStreamEvents(
            eventStore,
            eventSerializer,
            p -> GapAwareTrackingToken.newInstance(p, java.util.Collections.emptySortedSet()));
    List<StoredEvent> fromStream = stream.range(first, last, 10);
    List<StoredEvent> fromTable = new JdbcStoredEvents(jdbc).range(first, last, 10);

    assertThat(fromStream).extracting(StoredEvent::position).containsExactly(first, last);
    assertThat(fromStream)
        .extracting(e -> ChainHash.hex(ChainHash.digest(e)))
        .containsExactlyElementsOf(
            fromTable.stream().map(e -> ChainHash.hex(ChainHash.digest(e))).toList());
    assertThat(fromStream)
        .extracting(StoredEvent::payloadType)
        .containsOnly("jp.emergencyaccess.ledger.notice.NoticeRegistered");
  }

  @Test
  void oneChangedByte_inOneStoredPayload_isFoundAtItsPosition() throws Exception {
    long position = record("tamper-target");
    record("after the target");
    ChainWait.untilCheckpointed(jdbc, position);
    byte[] original = table().payload(position);
    byte[] tampered = original.clone();
    int at = new String(original, StandardCharsets.UTF_8).indexOf("tamper-target");
    tampered[at] = 'T';

    table().setPayload(position, tampered);
    try {
      assertFirstBroken(position, "changed");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      assertThat(commandLine(out)).as(out.toString()).isEqualTo(1);
      assertThat(out.toString()).contains("BROKEN").contains("\"problem\" : \"changed\"");
      java.nio.file.Path pinned = java.nio.file.Files.createTempFile("ledger-public-key", ".pem");
      java.nio.file.Files.writeString(pinned, monitor().get("/api/integrity/public-key").text());
      ByteArrayOutputStream withPinnedKey = new ByteArrayOutputStream();
      assertThat(commandLine(withPinnedKey, "--public-key=" + pinned, "--from=" + position))
          .as(withPinnedKey.toString())
          .isEqualTo(1);
      assertThat(withPinnedKey.toString()).contains("\"signaturesChecked\" : true");
      JsonNode proof = mhlw().get("/api/integrity/proof/" + position).json();
      assertThat(proof.get("storedEventMatches").asBoolean()).isFalse();
      var key = Outsider.publicKey(monitor().get("/api/integrity/public-key").text());
      assertThat(Outsider.proofHolds(proof, key)).isFalse();
    } finally {
      table().setPayload(position, original);
    }
    assertIntact();
  }

  @Test
  void aDeletedRow_isFoundAtItsPosition() {
    record("before the deleted one");
    long position = record("deleted");
    ChainWait.untilChained(jdbc, record("after the deleted one"));
    EventTable table = table();
    Map<String, Object> deleted = table.row(position);

    table.delete(position);
    try {
      assertFirstBroken(position, "deleted");
    } finally {
      table.insert(deleted);
    }
    assertIntact();
  }

  @Test
  void aForgedRow_atAPositionThatStayedEmpty_isFoundAsInserted() throws Exception {
    EventTable table = table();
    Map<String, Object> template = table.row(record("template"));
    long gap = table.rolledBackInsert(template);
    ChainWait.untilChained(jdbc, record("after the gap"));
    assertThat(
            jdbc.queryForObject(
                "select kind from integrity_chain where position = ?", String.class, gap))
        .isEqualTo("GAP");
    assertIntact();

    Map<String, Object> forgery = EventTable.forgedFrom(template);
    forgery.put("globalindex", gap);
    table.insert(forgery);
    try {
      assertFirstBroken(gap, "inserted");
    } finally {
      table.delete(gap);
    }
    assertIntact();
  }

  @Test
  void twoRowsWithSwappedPayloads_areFoundAtBothPositions() {
    long first = record("first of the swapped");
    record("between the swapped");
    long second = record("second of the swapped");
    ChainWait.untilChained(jdbc, second);
    EventTable table = table();
    byte[] firstPayload = table.payload(first);
    byte[] secondPayload = table.payload(second);

    table.setPayload(first, secondPayload);
    table.setPayload(second, firstPayload);
    try {
      assertFirstBroken(first, "reordered");
      JsonNode broken = verify().get("broken");
      assertThat(broken.size()).isEqualTo(2);
      assertThat(broken.at("/1/position").asLong()).isEqualTo(second);
      assertThat(broken.at("/1/problem").asText()).isEqualTo("reordered");
    } finally {
      table.setPayload(first, firstPayload);
      table.setPayload(second, secondPayload);
    }
    assertIntact();
  }

  @Test
  void aCheckpointWhoseSignedHashIsEdited_failsItsSignature() throws Exception {
    ChainWait.untilCheckpointed(jdbc, record("checkpointed"));
    var key = Outsider.publicKey(monitor().get("/api/integrity/public-key").text());
    JsonNode checkpoints = monitor().get("/api/integrity/checkpoints").json();
    JsonNode last = checkpoints.get(checkpoints.size() - 1);
    assertThat(Outsider.signatureHolds(last, key)).isTrue();
    long position = last.get("position").asLong();
    String hash = last.get("hash").asText();

    jdbc.update(
        "update integrity_checkpoint set hash = ? where position = ?", "0".repeat(64), position);
    try {
      JsonNode edited = monitor().get("/api/integrity/checkpoints?after=" + (position - 1)).json();
      assertThat(Outsider.signatureHolds(edited.get(0), key)).isFalse();
      assertFirstBroken(position, "checkpoint-forged");
    } finally {
      jdbc.update("update integrity_checkpoint set hash = ? where position = ?", hash, position);
    }
    assertIntact();
  }

  @Test
  void afterARestart_theChainContinuesFromItsLastEntry_andVerifiesAcrossTheBoundary() {
    long before = record("before the restart");
    ChainWait.untilChained(jdbc, before);
    chainer.stop();
    long after;
    try {
      record("while stopped 1");
      after = record("while stopped 2");
      assertThat(jdbc.queryForObject("select max(position) from integrity_chain", Long.class))
          .isLessThan(after);
    } finally {
      chainer.start();
    }
    ChainWait.untilChained(jdbc, after);

    JsonNode boundary = fund().get("/api/integrity/verify?from=" + before + "&to=" + after).json();
    assertThat(boundary.get("ok").asBoolean()).as(boundary.toString()).isTrue();
    assertThat(boundary.get("checked").asLong()).isEqualTo(after - before + 1);
    assertIntact();
  }

  @Test
  void twentyThousandConcurrentCommands_areAllChained() throws Exception {
    long before = ChainWait.lastEvent(jdbc);
    String series = TestCodes.series();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      done.add(
          threads.submit(
              () -> {
                for (int i = 0; i < 2_500; i++) {
                  int revision = REVISIONS.incrementAndGet();
                  commands.send(
                      new RegisterNotice(
                          "load-" + series + "-" + revision,
                          series,
                          revision,
                          LocalDate.of(2024, 1, 2),
                          "load " + revision,
                          null,
                          Instant.parse("2024-01-02T00:00:00Z")));
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    threads.shutdown();
    assertThat(threads.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
    long after = ChainWait.lastEvent(jdbc);
    ChainWait.untilChained(jdbc, after);

    long stored =
        jdbc.queryForObject(
            "select count(*) from domainevententry where globalindex > ? and globalindex <= ?",
            Long.class,
            before,
            after);
    long chainedAsThemselves =
        jdbc.queryForObject(
            "select count(*) from domainevententry d join integrity_chain c"
                + " on c.position = d.globalindex and c.kind = 'EVENT'"
                + " and c.event_identifier = d.eventidentifier"
                + " where d.globalindex > ? and d.globalindex <= ?",
            Long.class,
            before,
            after);
    assertThat(stored).isGreaterThanOrEqualTo(20_000);
    assertThat(chainedAsThemselves).isEqualTo(stored);
    JsonNode v = fund().get("/api/integrity/verify?from=" + (before + 1)).json();
    assertThat(v.get("ok").asBoolean()).as(v.toString()).isTrue();
    assertThat(v.get("checked").asLong()).isGreaterThanOrEqualTo(20_000);
  }
}
