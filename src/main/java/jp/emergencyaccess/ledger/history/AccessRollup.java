package jp.emergencyaccess.ledger.history;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import jp.emergencyaccess.ledger.access.DenialReason;
import jp.emergencyaccess.ledger.access.InfoCategory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Running counts of each facility's history, kept by {@link AccessHistory} in the same transaction
 * as the rows: per day (tables {@code access_day}), per viewer ({@code access_viewer}) and the
 * distinct patients ({@code access_patient}). They answer the summary of a whole history from a few
 * rows instead of every attempt, and give HIGH_VOLUME its daily counts.
 */
@Component
class AccessRollup {
  /**
   * The counters of {@code access_day}: four totals, then one per category ({@code c_medication} …)
   * and one per denial reason ({@code r_facility_unknown} …), named after the enum constants so
   * that a counter's position follows its constant's ordinal.
   */
  private static final List<String> DAY_COLUMNS = dayColumns();

  private static final int CATEGORY = 4;
  private static final int REASON = CATEGORY + InfoCategory.values().length;

  private static List<String> dayColumns() {
    List<String> columns = new ArrayList<>(List.of("attempts", "allowed", "exemption", "repeated"));
    for (InfoCategory c : InfoCategory.values()) {
      columns.add("c_" + c.name().toLowerCase(Locale.ROOT));
    }
    for (DenialReason r : DenialReason.values()) {
      columns.add("r_" + r.name().toLowerCase(Locale.ROOT));
    }
    return List.copyOf(columns);
  }

  private final JdbcTemplate jdbc;

  AccessRollup(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** A facility's day in Japan. */
  record DayKey(String facilityCode, LocalDate day) {}

  private record ViewerKey(String facilityCode, String viewerId) {}

  /**
   * Adds a batch: its new rows (those in {@code repeated} stored as REPEATED_PATIENT) and the days
   * of stored rows the batch made repeated. Each count is summed in memory and written once per
   * facility and day, viewer or patient.
   */
  void add(List<AttemptRow> rows, Set<String> repeated, List<DayKey> nowRepeated) {
    Map<DayKey, long[]> days = new LinkedHashMap<>();
    Map<ViewerKey, long[]> viewers = new LinkedHashMap<>();
    for (AttemptRow r : rows) {
      long[] add =
          days.computeIfAbsent(
              new DayKey(r.facilityCode(), r.day()), k -> new long[DAY_COLUMNS.size()]);
      add[0]++;
      add[1] += r.lookup().allowed() ? 1 : 0;
      add[2] += r.lookup().underExemption() ? 1 : 0;
      add[3] += repeated.contains(r.viewId()) ? 1 : 0;
      for (InfoCategory c : InfoCategory.values()) {
        add[CATEGORY + c.ordinal()] += r.lookup().categories().contains(c) ? 1 : 0;
      }
      for (DenialReason reason : DenialReason.values()) {
        add[REASON + reason.ordinal()] += r.lookup().reasons().contains(reason) ? 1 : 0;
      }
      viewers
          .computeIfAbsent(
              new ViewerKey(r.facilityCode(), r.lookup().viewerId()), k -> new long[1])[0]++;
    }
    for (DayKey key : nowRepeated) {
      days.computeIfAbsent(key, k -> new long[DAY_COLUMNS.size()])[3]++;
    }
    List<DayKey> dayKeys = new ArrayList<>(days.keySet());
    int[] updated =
        jdbc.batchUpdate(
            "update access_day set "
                + String.join(", ", DAY_COLUMNS.stream().map(c -> c + " = " + c + " + ?").toList())
                + " where facility_code = ? and day_jst = ?",
            dayKeys.stream()
                .map(
                    k -> {
                      Object[] args = new Object[DAY_COLUMNS.size() + 2];
                      long[] add = days.get(k);
                      for (int i = 0; i < DAY_COLUMNS.size(); i++) {
                        args[i] = add[i];
                      }
                      args[DAY_COLUMNS.size()] = k.facilityCode();
                      args[DAY_COLUMNS.size() + 1] = k.day();
                      return args;
                    })
                .toList());
    List<Object[]> newDays = new ArrayList<>();
    for (int i = 0; i < updated.length; i++) {
      if (updated[i] == 0) {
        DayKey k = dayKeys.get(i);
        Object[] values = new Object[DAY_COLUMNS.size() + 2];
        values[0] = k.facilityCode();
        values[1] = k.day();
        long[] add = days.get(k);
        for (int c = 0; c < DAY_COLUMNS.size(); c++) {
          values[c + 2] = add[c];
        }
        newDays.add(values);
      }
    }
    jdbc.batchUpdate(
        "insert into access_day (facility_code, day_jst, "
            + String.join(", ", DAY_COLUMNS)
            + ") values (?, ?"
            + ", ?".repeat(DAY_COLUMNS.size())
            + ")",
        newDays);
    List<ViewerKey> viewerKeys = new ArrayList<>(viewers.keySet());
    updated =
        jdbc.batchUpdate(
            "update access_viewer set attempts = attempts + ?"
                + " where facility_code = ? and viewer_id = ?",
            viewerKeys.stream()
                .map(k -> new Object[] {viewers.get(k)[0], k.facilityCode(), k.viewerId()})
                .toList());
    List<Object[]> newViewers = new ArrayList<>();
    for (int i = 0; i < updated.length; i++) {
      if (updated[i] == 0) {
        ViewerKey k = viewerKeys.get(i);
        newViewers.add(new Object[] {k.facilityCode(), k.viewerId(), viewers.get(k)[0]});
      }
    }
    jdbc.batchUpdate(
        "insert into access_viewer (facility_code, viewer_id, attempts) values (?, ?, ?)",
        newViewers);
  }

  Map<LocalDate, Long> attemptsPerDay(String facilityCode) {
    Map<LocalDate, Long> perDay = new LinkedHashMap<>();
    jdbc.query(
        "select day_jst, attempts from access_day where facility_code = ?",
        rs -> {
          perDay.put(rs.getObject(1, LocalDate.class), rs.getLong(2));
        },
        facilityCode);
    return perDay;
  }

  /** The facility's days with lookups in [from, until] (either may be null), oldest first. */
  List<DayCount> days(String facilityCode, LocalDate from, LocalDate until) {
    StringBuilder sql =
        new StringBuilder(
            "select day_jst, attempts, allowed, exemption from access_day where facility_code = ?");
    List<Object> args = new ArrayList<>(List.of(facilityCode));
    if (from != null) {
      sql.append(" and day_jst >= ?");
      args.add(from);
    }
    if (until != null) {
      sql.append(" and day_jst <= ?");
      args.add(until);
    }
    return jdbc.query(
        sql.append(" order by day_jst").toString(),
        (rs, n) ->
            new DayCount(
                rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getLong(3), rs.getLong(4)),
        args.toArray());
  }

  /** The summary of the facility's whole history, from the counts alone. */
  AccessSummary wholeHistory(String facilityCode, HighVolumeDays highVolume) {
    long[] sums = new long[DAY_COLUMNS.size()];
    long[] highVolumeAttempts = {0};
    jdbc.query(
        "select day_jst, "
            + String.join(", ", DAY_COLUMNS)
            + " from access_day where facility_code = ?",
        rs -> {
          for (int i = 0; i < sums.length; i++) {
            sums[i] += rs.getLong(i + 2);
          }
          if (highVolume.contains(rs.getObject(1, LocalDate.class))) {
            highVolumeAttempts[0] += rs.getLong(2);
          }
        },
        facilityCode);
    Map<String, Long> byDecision = new LinkedHashMap<>();
    byDecision.put("ALLOWED", sums[1]);
    byDecision.put("DENIED", sums[0] - sums[1]);
    Map<AccessFlag, Long> byFlag = new EnumMap<>(AccessFlag.class);
    byFlag.put(AccessFlag.EMERGENCY_EXEMPTION, sums[2]);
    byFlag.put(AccessFlag.DENIED, sums[0] - sums[1]);
    byFlag.put(AccessFlag.REPEATED_PATIENT, sums[3]);
    byFlag.put(AccessFlag.HIGH_VOLUME, highVolumeAttempts[0]);
    Map<String, Long> byCategory = new LinkedHashMap<>();
    for (InfoCategory c : InfoCategory.values()) {
      byCategory.put(c.name(), sums[CATEGORY + c.ordinal()]);
    }
    Map<String, Long> byReason = new LinkedHashMap<>();
    for (DenialReason r : DenialReason.values()) {
      byReason.put(r.name(), sums[REASON + r.ordinal()]);
    }
    Map<String, Long> byViewer = new LinkedHashMap<>();
    jdbc.query(
        "select viewer_id, attempts from access_viewer where facility_code = ? order by viewer_id",
        rs -> {
          byViewer.put(rs.getString(1), rs.getLong(2));
        },
        facilityCode);
    Long patients =
        jdbc.queryForObject(
            "select count(*) from access_patient where facility_code = ?",
            Long.class,
            facilityCode);
    return new AccessSummary(
        sums[0],
        patients == null ? 0 : patients,
        byDecision,
        byFlag,
        byCategory,
        byViewer,
        byReason,
        highVolume.median(),
        List.copyOf(highVolume.days()));
  }
}
