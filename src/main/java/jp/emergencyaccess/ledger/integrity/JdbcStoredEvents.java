package jp.emergencyaccess.ledger.integrity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads Axon's JDBC event table directly: the rows exactly as stored, gaps and all. */
public class JdbcStoredEvents implements StoredEvents {
  private static final String SELECT =
      "select globalindex, eventidentifier, aggregateidentifier, sequencenumber, type, timestamp,"
          + " payloadtype, payloadrevision, payload, metadata from domainevententry"
          + " where globalindex >= ? and globalindex <= ? order by globalindex";

  private final JdbcTemplate jdbc;

  public JdbcStoredEvents(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<StoredEvent> range(long from, long to, int max) {
    JdbcTemplate limited = new JdbcTemplate(jdbc.getDataSource());
    limited.setMaxRows(max);
    limited.setFetchSize(Math.min(max, 500));
    return limited.query(SELECT, JdbcStoredEvents::row, from, to);
  }

  @Override
  public long highestPosition() {
    Long max = jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class);
    return max == null ? 0 : max;
  }

  @Override
  public OptionalLong lowestPosition() {
    Long min = jdbc.queryForObject("select min(globalindex) from domainevententry", Long.class);
    return min == null ? OptionalLong.empty() : OptionalLong.of(min);
  }

  @Override
  public long countBetween(long after, long upTo) {
    Long count =
        jdbc.queryForObject(
            "select count(*) from domainevententry where globalindex > ? and globalindex <= ?",
            Long.class,
            after,
            upTo);
    return count == null ? 0 : count;
  }

  private static StoredEvent row(ResultSet rs, int n) throws SQLException {
    return new StoredEvent(
        rs.getLong("globalindex"),
        rs.getString("eventidentifier"),
        rs.getString("aggregateidentifier"),
        rs.getLong("sequencenumber"),
        rs.getString("type"),
        rs.getString("timestamp"),
        rs.getString("payloadtype"),
        rs.getString("payloadrevision"),
        rs.getBytes("payload"),
        rs.getBytes("metadata"));
  }
}
