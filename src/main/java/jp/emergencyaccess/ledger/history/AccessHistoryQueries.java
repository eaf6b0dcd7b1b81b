package jp.emergencyaccess.ledger.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import jp.emergencyaccess.ledger.access.DenialReason;
import jp.emergencyaccess.ledger.access.InfoCategory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the access history: pages newest first with a keyset cursor (the instant and view id of the
 * last row shown, so rows recorded meanwhile never shift a page), summaries over the whole
 * selection, and every selected row in order for the exports.
 */
@Component
public class AccessHistoryQueries {
  public static final int MAX_PAGE = 1000;

  /**
   * Newest first, in the key's own order: H2 reads the key backwards and stops after the page only
   * when the order names the key's columns from the first (facility_code, fixed by the query);
   * ordered by instant alone, it read and sorted the facility's whole history for every page. The
   * key is that of {@code k}, the table the selection reads first ({@link Selection}).
   */
  private static final String NEWEST_FIRST =
      " order by k.facility_code desc, k.at_ms desc, k.view_id desc";

  private final JdbcTemplate jdbc;
  private final AccessRollup rollup;
  private final FlagThresholds thresholds;

  AccessHistoryQueries(JdbcTemplate jdbc, AccessRollup rollup, FlagThresholds thresholds) {
    this.jdbc = jdbc;
    this.rollup = rollup;
    this.thresholds = thresholds;
  }

  /**
   * The selection as SQL: the tables, a where clause and its arguments. The key's columns are
   * always those of {@code k}: the attempts; for DENIED, {@code access_denied}, which holds a copy
   * of each denied attempt, so those pages and their summaries read the denied attempts alone; for
   * REPEATED_PATIENT, {@code access_repeated}, the keys of the repeated attempts, joined to the
   * attempts by their key.
   */
  private record Selection(
      String from, StringBuilder where, List<Object> args, HighVolumeDays highVolume) {
    Selection and(String condition, Object... values) {
      where.append(" and ").append(condition);
      args.addAll(Arrays.asList(values));
      return this;
    }

    String fromAndWhere() {
      return from + where;
    }
  }

  private static final String REPEATED =
      " from access_repeated k join access_attempt a on a.facility_code = k.facility_code"
          + " and a.at_ms = k.at_ms and a.view_id = k.view_id";

  private Selection select(AccessQuery q) {
    HighVolumeDays highVolume = highVolumeDays(q.facilityCode());
    String from = " from access_attempt k";
    if (q.flag() == AccessFlag.REPEATED_PATIENT) {
      from = REPEATED;
    } else if (q.flag() == AccessFlag.DENIED || "DENIED".equals(q.decision())) {
      from = " from access_denied k";
    }
    Selection s =
        new Selection(
            from,
            new StringBuilder(" where k.facility_code = ?"),
            new ArrayList<>(List.of(q.facilityCode())),
            highVolume);
    if (q.from() != null) {
      s.and("k.at_ms >= ?", q.from().toEpochMilli());
    }
    if (q.to() != null) {
      s.and("k.at_ms < ?", q.to().toEpochMilli());
    }
    if (q.decision() != null) {
      s.and("decision = ?", q.decision());
    }
    if (q.flag() != null) {
      switch (q.flag()) {
        case EMERGENCY_EXEMPTION -> s.and("consent_basis = 'EMERGENCY_EXEMPTION'");
        case DENIED -> s.and("decision = 'DENIED'");
        case REPEATED_PATIENT -> s.and("repeated_patient = true");
        case HIGH_VOLUME -> s.and(inDays(highVolume), highVolume.days().toArray());
      }
    }
    return s;
  }

  private static String inDays(HighVolumeDays highVolume) {
    if (highVolume.days().isEmpty()) {
      return "1 = 0";
    }
    return "day_jst in ("
        + String.join(", ", highVolume.days().stream().map(d -> "?").toList())
        + ")";
  }

  public HighVolumeDays highVolumeDays(String facilityCode) {
    return HighVolumeDays.of(rollup.attemptsPerDay(facilityCode), thresholds.highVolume());
  }

  /** The facility's days with lookups in [from, until] (Japan dates, either may be null). */
  public List<DayCount> days(
      String facilityCode, java.time.LocalDate from, java.time.LocalDate until) {
    return rollup.days(facilityCode, from, until);
  }

  /** One page, newest first, after the cursor (null for the first page). */
  public AccessPage page(AccessQuery query, PageCursor after, int limit) {
    Selection s = select(query);
    if (after != null) {
      // at_ms <= ? bounds the key's range; H2 does not read a range from the OR alone.
      s.and(
          "k.at_ms <= ? and (k.at_ms < ? or (k.at_ms = ? and k.view_id < ?))",
          after.atMs(),
          after.atMs(),
          after.atMs(),
          after.viewId());
    }
    List<Object> args = new ArrayList<>(s.args());
    args.add(limit + 1);
    List<AccessAttempt> rows =
        jdbc.query(
            "select " + AttemptColumns.LIST + s.fromAndWhere() + NEWEST_FIRST + " limit ?",
            (rs, n) -> AttemptColumns.read(rs, s.highVolume()),
            args.toArray());
    if (rows.size() <= limit) {
      return new AccessPage(rows, null);
    }
    List<AccessAttempt> page = rows.subList(0, limit);
    AccessAttempt last = page.get(limit - 1);
    return new AccessPage(List.copyOf(page), PageCursor.after(last).encode());
  }

  /**
   * Every selected attempt, newest first, read in chunks so a long history is never all in memory.
   */
  public void forEach(AccessQuery query, Consumer<AccessAttempt> each) {
    PageCursor after = null;
    do {
      AccessPage page = page(query, after, MAX_PAGE);
      page.items().forEach(each);
      after = page.next() == null ? null : PageCursor.decode(page.next());
    } while (after != null);
  }

  /**
   * Counts over the whole selection. A whole history is summed from the running counts; a filtered
   * one from its rows.
   */
  public AccessSummary summary(AccessQuery query) {
    if (query.from() == null
        && query.to() == null
        && query.decision() == null
        && query.flag() == null) {
      return rollup.wholeHistory(query.facilityCode(), highVolumeDays(query.facilityCode()));
    }
    Selection s = select(query);
    HighVolumeDays highVolume = s.highVolume();
    StringBuilder sql =
        new StringBuilder(
            "select count(*), count(distinct patient_ref),"
                + " sum(case when decision = 'ALLOWED' then 1 else 0 end),"
                + " sum(case when consent_basis = 'EMERGENCY_EXEMPTION' then 1 else 0 end),"
                + " sum(case when repeated_patient then 1 else 0 end),"
                + " sum(c_medication), sum(c_health_checkup), sum(c_clinical),"
                + " sum(c_prescription), sum(c_dispensing)");
    for (DenialReason reason : DenialReason.values()) {
      sql.append(", sum(case when reasons like '%")
          .append(reason.name())
          .append("%' then 1 else 0 end)");
    }
    List<Object> args = new ArrayList<>();
    if (highVolume.days().isEmpty()) {
      sql.append(", 0");
    } else {
      sql.append(", sum(case when ").append(inDays(highVolume)).append(" then 1 else 0 end)");
      args.addAll(highVolume.days());
    }
    args.addAll(s.args());
    sql.append(s.fromAndWhere());
    return jdbc.queryForObject(
        sql.toString(),
        (rs, n) -> {
          long attempts = rs.getLong(1);
          long allowed = rs.getLong(3);
          Map<String, Long> byDecision = new LinkedHashMap<>();
          byDecision.put("ALLOWED", allowed);
          byDecision.put("DENIED", attempts - allowed);
          Map<AccessFlag, Long> byFlag = new EnumMap<>(AccessFlag.class);
          byFlag.put(AccessFlag.EMERGENCY_EXEMPTION, rs.getLong(4));
          byFlag.put(AccessFlag.DENIED, attempts - allowed);
          byFlag.put(AccessFlag.REPEATED_PATIENT, rs.getLong(5));
          int column = 6;
          Map<String, Long> byCategory = new LinkedHashMap<>();
          for (InfoCategory category : InfoCategory.values()) {
            byCategory.put(category.name(), rs.getLong(column++));
          }
          Map<String, Long> byReason = new LinkedHashMap<>();
          for (DenialReason reason : DenialReason.values()) {
            byReason.put(reason.name(), rs.getLong(column++));
          }
          byFlag.put(AccessFlag.HIGH_VOLUME, rs.getLong(column));
          return new AccessSummary(
              attempts,
              rs.getLong(2),
              byDecision,
              byFlag,
              byCategory,
              byViewer(s),
              byReason,
              highVolume.median(),
              List.copyOf(highVolume.days()));
        },
        args.toArray());
  }

  private Map<String, Long> byViewer(Selection s) {
    Map<String, Long> byViewer = new LinkedHashMap<>();
    jdbc.query(
        "select viewer_id, count(*)" + s.fromAndWhere() + " group by viewer_id order by viewer_id",
        rs -> {
          byViewer.put(rs.getString(1), rs.getLong(2));
        },
        s.args().toArray());
    return byViewer;
  }
}
