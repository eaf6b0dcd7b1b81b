package jp.emergencyaccess.ledger.integrity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** The {@code integrity_chain} table: one row per chained position, written once. */
public class ChainTable {
  private static final String COLUMNS =
      "position, kind, event_identifier, payload_type, digest, payload_digest, hash, chained_at";

  private final JdbcTemplate jdbc;

  public ChainTable(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void append(List<ChainEntry> entries) {
    jdbc.batchUpdate(
        "insert into integrity_chain (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)",
        entries,
        500,
        (ps, e) -> {
          ps.setLong(1, e.position());
          ps.setString(2, e.kind().name());
          ps.setString(3, e.eventIdentifier());
          ps.setString(4, e.payloadType());
          ps.setString(5, e.digest());
          ps.setString(6, e.payloadDigest());
          ps.setString(7, e.hash());
          ps.setLong(8, e.chainedAt().toEpochMilli());
        });
  }

  /** The last chained position, if anything is chained. */
  /**
   * Whether this transaction may extend the chain: on PostgreSQL, which several ledgers may share,
   * the holder of a transaction-scoped advisory lock (released at commit, rollback or when the
   * holder's connection dies, so another node takes over at its next step); elsewhere the store has
   * one process (H2's file lock), which always may.
   */
  public boolean takeTurn() {
    if (!sharedStore()) {
      return true;
    }
    return Boolean.TRUE.equals(
        jdbc.queryForObject("select pg_try_advisory_xact_lock(?)", Boolean.class, TURN_LOCK));
  }

  /** The advisory lock's key: "chain" in ASCII, so that no other use of advisory locks meets it. */
  private static final long TURN_LOCK = 0x636861696eL;

  private volatile Boolean shared;

  private boolean sharedStore() {
    if (shared == null) {
      shared =
          jdbc.execute(
              (ConnectionCallback<Boolean>)
                  c -> c.getMetaData().getDatabaseProductName().equals("PostgreSQL"));
    }
    return shared;
  }

  public Optional<ChainEntry> head() {
    return jdbc
        .query(
            "select " + COLUMNS + " from integrity_chain order by position desc",
            ps -> ps.setMaxRows(1),
            ChainTable::row)
        .stream()
        .findFirst();
  }

  public Optional<ChainEntry> at(long position) {
    return jdbc
        .query(
            "select " + COLUMNS + " from integrity_chain where position = ?",
            ChainTable::row,
            position)
        .stream()
        .findFirst();
  }

  /** The last entry below a position (its hash is what the next entry links to). */
  public Optional<ChainEntry> before(long position) {
    return jdbc
        .query(
            "select " + COLUMNS + " from integrity_chain where position < ? order by position desc",
            ps -> {
              ps.setMaxRows(1);
              ps.setLong(1, position);
            },
            ChainTable::row)
        .stream()
        .findFirst();
  }

  /** Up to {@code max} entries at positions {@code from..to}, in order. */
  public List<ChainEntry> range(long from, long to, int max) {
    return jdbc.query(
        "select "
            + COLUMNS
            + " from integrity_chain where position >= ? and position <= ? order by position",
        ps -> {
          ps.setMaxRows(max);
          ps.setLong(1, from);
          ps.setLong(2, to);
        },
        ChainTable::row);
  }

  public long lowestPosition() {
    Long min = jdbc.queryForObject("select min(position) from integrity_chain", Long.class);
    return min == null ? 0 : min;
  }

  /** Other positions whose chained event had this identifier or this payload (diagnosis only). */
  List<Long> positionsOf(String eventIdentifier, String payloadDigest, long except) {
    return jdbc.queryForList(
        "select position from integrity_chain where position <> ? and kind = 'EVENT'"
            + " and (event_identifier = ? or payload_digest = ?) order by position",
        Long.class,
        except,
        eventIdentifier,
        payloadDigest);
  }

  private static ChainEntry row(ResultSet rs, int n) throws SQLException {
    return new ChainEntry(
        rs.getLong("position"),
        ChainEntry.Kind.valueOf(rs.getString("kind")),
        rs.getString("event_identifier"),
        rs.getString("payload_type"),
        rs.getString("digest"),
        rs.getString("payload_digest"),
        rs.getString("hash"),
        Instant.ofEpochMilli(rs.getLong("chained_at")));
  }
}
