package jp.emergencyaccess.ledger.workbench;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the alert queue: by risk score, highest first, then by alert id; a cursor per page. */
@Component
public class AlertQueries {
  public static final int MAX_PAGE = 500;
  private final JdbcTemplate jdbc;

  AlertQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One page after {@code cursor} (null: the first page). */
  public AlertPage page(AlertFilter filter, AlertCursor cursor, int limit) {
    StringBuilder sql = new StringBuilder("select * from alert where 1 = 1");
    List<Object> args = new ArrayList<>();
    if (filter.status() != null) {
      sql.append(" and status = ?");
      args.add(filter.status().name());
    }
    if (filter.facilityCode() != null) {
      sql.append(" and facility_code = ?");
      args.add(filter.facilityCode());
    }
    if (filter.prefecture() != null) {
      sql.append(" and prefecture = ?");
      args.add(filter.prefecture());
    }
    if (filter.from() != null) {
      sql.append(" and day_jst >= ?");
      args.add(filter.from());
    }
    if (filter.to() != null) {
      sql.append(" and day_jst <= ?");
      args.add(filter.to());
    }
    if (filter.assignee() != null) {
      sql.append(" and assignee = ?");
      args.add(filter.assignee());
    }
    if (cursor != null) {
      sql.append(" and (risk < ? or (risk = ? and alert_id > ?))");
      args.add(cursor.risk());
      args.add(cursor.risk());
      args.add(cursor.alertId());
    }
    sql.append(" order by risk desc, alert_id limit ?");
    args.add(limit + 1);
    List<AlertItem> rows = jdbc.query(sql.toString(), AlertQueries::item, args.toArray());
    if (rows.size() <= limit) {
      return new AlertPage(rows, null);
    }
    List<AlertItem> page = rows.subList(0, limit);
    AlertItem last = page.get(limit - 1);
    return new AlertPage(List.copyOf(page), new AlertCursor(last.risk(), last.alertId()).text());
  }

  public Optional<AlertItem> find(String alertId) {
    return jdbc
        .query("select * from alert where alert_id = ?", AlertQueries::item, alertId)
        .stream()
        .findFirst();
  }

  private static AlertItem item(ResultSet rs, int row) throws SQLException {
    long changed = rs.getLong("changed_at_ms");
    return new AlertItem(
        rs.getString("alert_id"),
        AlertKind.valueOf(rs.getString("kind")),
        rs.getString("facility_code"),
        rs.getString("prefecture"),
        rs.getObject("day_jst", LocalDate.class),
        rs.getString("viewer_id"),
        rs.getString("patient_ref"),
        rs.getLong("lookups"),
        rs.getLong("threshold"),
        List.of(rs.getString("reasons").split("\n")),
        rs.getLong("risk"),
        Instant.ofEpochMilli(rs.getLong("at_ms")),
        Instant.ofEpochMilli(rs.getLong("raised_at_ms")),
        AlertStatus.valueOf(rs.getString("status")),
        rs.getString("assignee"),
        rs.getString("inquiry_id"),
        rs.getString("dismiss_reason"),
        rs.getString("note"),
        rs.getString("changed_by"),
        Instant.ofEpochMilli(changed));
  }
}
