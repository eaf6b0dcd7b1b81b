package jp.emergencyaccess.ledger.integrity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A chain over events held in memory (so a test can commit positions out of order and tamper
 * freely), with the chain tables in an in-memory H2 made by the real migration.
 */
final class MemoryStore implements StoredEvents {
  final TreeMap<Long, StoredEvent> events = new TreeMap<>();
  final MutableClock clock = new MutableClock();
  final JdbcTemplate jdbc;
  final ChainTable chain;
  final CheckpointTable checkpoints;
  final SigningKey key = SigningKey.generate();

  MemoryStore() {
    DriverManagerDataSource dataSource =
        new DriverManagerDataSource(
            "jdbc:h2:mem:chain-"
                + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    new ResourceDatabasePopulator(new ClassPathResource("db/migration/V90__integrity_chain.sql"))
        .execute(dataSource);
    jdbc = new JdbcTemplate(dataSource);
    chain = new ChainTable(jdbc);
    checkpoints = new CheckpointTable(jdbc);
  }

  static IntegrityProperties properties(int checkpointEveryEvents, Duration gapTimeout) {
    return new IntegrityProperties(
        true,
        checkpointEveryEvents,
        Duration.ofHours(1),
        gapTimeout,
        Duration.ofMillis(10),
        500,
        null,
        null,
        false);
  }

  Chainer chainer(IntegrityProperties properties) {
    Chainer chainer =
        new Chainer(
            this,
            chain,
            checkpoints,
            key,
            properties,
            clock,
            new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource())));
    chainer.resume();
    return chainer;
  }

  ChainVerifier verifier() {
    return new ChainVerifier(this, chain, checkpoints, Optional.of(key.publicKey()));
  }

  void commit(long... positions) {
    for (long p : positions) {
      events.put(p, Events.notice(p, "notice-" + p));
    }
  }

  List<String> kinds() {
    return chain.range(Long.MIN_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE).stream()
        .map(e -> e.position() + ":" + e.kind())
        .toList();
  }

  @Override
  public List<StoredEvent> range(long from, long to, int max) {
    List<StoredEvent> found = new ArrayList<>();
    for (StoredEvent e : events.subMap(from, true, to, true).values()) {
      if (found.size() == max) {
        break;
      }
      found.add(e);
    }
    return found;
  }

  @Override
  public long highestPosition() {
    return events.isEmpty() ? 0 : events.lastKey();
  }

  /**
   * The position the store numbers its first event with: 1 as the JDBC tables, 0 as Axon Server.
   */
  long firstPosition = 1;

  @Override
  public long firstPosition() {
    return firstPosition;
  }

  @Override
  public OptionalLong lowestPosition() {
    return events.isEmpty() ? OptionalLong.empty() : OptionalLong.of(events.firstKey());
  }

  static final class MutableClock extends Clock {
    private Instant now = Instant.parse("2024-01-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
