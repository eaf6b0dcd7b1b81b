package jp.emergencyaccess.ledger.integrity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/** Plain SQL on Axon's event table, as someone with database access would tamper with it. */
final class EventTable {
  private static final List<String> COLUMNS =
      List.of(
          "globalindex",
          "eventidentifier",
          "aggregateidentifier",
          "sequencenumber",
          "type",
          "timestamp",
          "payloadtype",
          "payloadrevision",
          "payload",
          "metadata");

  private final JdbcTemplate jdbc;
  private final DataSource dataSource;

  EventTable(JdbcTemplate jdbc, DataSource dataSource) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
  }

  Map<String, Object> row(long position) {
    return jdbc.queryForMap(
        "select " + String.join(", ", COLUMNS) + " from domainevententry where globalindex = ?",
        position);
  }

  /** Inserts a row as given, its position included. */
  void insert(Map<String, Object> row) {
    jdbc.update(
        "insert into domainevententry ("
            + String.join(", ", COLUMNS)
            + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        COLUMNS.stream().map(row::get).toArray());
  }

  void delete(long position) {
    jdbc.update("delete from domainevententry where globalindex = ?", position);
  }

  byte[] payload(long position) {
    return jdbc.queryForObject(
        "select payload from domainevententry where globalindex = ?", byte[].class, position);
  }

  void setPayload(long position, byte[] payload) {
    jdbc.update("update domainevententry set payload = ? where globalindex = ?", payload, position);
  }

  /** A copy of a real row under a new event and aggregate identifier, its position unset. */
  static Map<String, Object> forgedFrom(Map<String, Object> template) {
    Map<String, Object> forgery = new HashMap<>(template);
    String id = "forged-" + UUID.randomUUID();
    forgery.remove("globalindex");
    forgery.put("eventidentifier", id);
    forgery.put("aggregateidentifier", id);
    forgery.put("sequencenumber", 0L);
    return forgery;
  }

  /**
   * Inserts a row in a transaction that then rolls back, as a failed command would: its position
   * stays empty forever. Returns that position.
   */
  long rolledBackInsert(Map<String, Object> template) throws SQLException {
    Map<String, Object> row = forgedFrom(template);
    List<String> columns = COLUMNS.subList(1, COLUMNS.size());
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement insert =
          c.prepareStatement(
              "insert into domainevententry ("
                  + String.join(", ", columns)
                  + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (int i = 0; i < columns.size(); i++) {
          insert.setObject(i + 1, row.get(columns.get(i)));
        }
        insert.executeUpdate();
      }
      try (PreparedStatement find =
          c.prepareStatement(
              "select globalindex from domainevententry where eventidentifier = ?")) {
        find.setString(1, (String) row.get("eventidentifier"));
        try (ResultSet rs = find.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      } finally {
        c.rollback();
      }
    }
  }
}
