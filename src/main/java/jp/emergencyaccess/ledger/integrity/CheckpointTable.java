package jp.emergencyaccess.ledger.integrity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** The {@code integrity_checkpoint} table. */
public class CheckpointTable {
  private static final String COLUMNS = "position, hash, signed_at, key_id, signature";
  private final JdbcTemplate jdbc;

  public CheckpointTable(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Checkpoint c) {
    jdbc.update(
        "insert into integrity_checkpoint (" + COLUMNS + ") values (?, ?, ?, ?, ?)",
        c.position(),
        c.hash(),
        c.signedAt().toEpochMilli(),
        c.keyId(),
        c.signature());
  }

  public Optional<Checkpoint> latest() {
    return jdbc
        .query(
            "select " + COLUMNS + " from integrity_checkpoint order by position desc",
            ps -> ps.setMaxRows(1),
            CheckpointTable::row)
        .stream()
        .findFirst();
  }

  /** The first checkpoint at or after a position: the one that covers it. */
  public Optional<Checkpoint> coveringOrAfter(long position) {
    return jdbc
        .query(
            "select "
                + COLUMNS
                + " from integrity_checkpoint where position >= ? order by position",
            ps -> {
              ps.setMaxRows(1);
              ps.setLong(1, position);
            },
            CheckpointTable::row)
        .stream()
        .findFirst();
  }

  /** Checkpoints at positions {@code from..to}, in order, at most {@code max}. */
  public List<Checkpoint> range(long from, long to, int max) {
    return jdbc.query(
        "select "
            + COLUMNS
            + " from integrity_checkpoint where position >= ? and position <= ? order by position",
        ps -> {
          ps.setMaxRows(max);
          ps.setLong(1, from);
          ps.setLong(2, to);
        },
        CheckpointTable::row);
  }

  private static Checkpoint row(ResultSet rs, int n) throws SQLException {
    return new Checkpoint(
        rs.getLong("position"),
        rs.getString("hash"),
        Instant.ofEpochMilli(rs.getLong("signed_at")),
        rs.getString("key_id"),
        rs.getString("signature"));
  }
}
