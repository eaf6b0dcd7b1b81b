package jp.emergencyaccess.ledger.infra;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The row of table {@code read_model_rebuild}: present from the start of a rebuild of the
 * subscribing read models until the transaction that replaced them committed (or rolled back and
 * removed it). Found at start-up, it means a rebuild was cut off, and the ledger does not start.
 */
@Component
public class RebuildMarker {
  private static final int ID = 1;
  private final JdbcTemplate jdbc;

  RebuildMarker(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A rebuild that was started and has not finished. */
  public record Started(Instant at, Long storeHead) {}

  public Optional<Started> find() {
    return jdbc
        .query(
            "select started_at_ms, store_head from read_model_rebuild where id = ?",
            (rs, n) -> {
              long head = rs.getLong("store_head");
              Long storeHead = rs.wasNull() ? null : head;
              return new Started(Instant.ofEpochMilli(rs.getLong("started_at_ms")), storeHead);
            },
            ID)
        .stream()
        .findFirst();
  }

  /** Writes the row (replacing one that a cut-off rebuild left). */
  void mark(Instant at, Long storeHead) {
    jdbc.update("delete from read_model_rebuild where id = ?", ID);
    jdbc.update(
        "insert into read_model_rebuild (id, started_at_ms, store_head) values (?, ?, ?)",
        ID,
        at.toEpochMilli(),
        storeHead);
  }

  void clear() {
    jdbc.update("delete from read_model_rebuild where id = ?", ID);
  }
}
