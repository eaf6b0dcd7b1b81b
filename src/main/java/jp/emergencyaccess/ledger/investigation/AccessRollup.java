package jp.emergencyaccess.ledger.investigation;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.emergencyaccess.ledger.access.DenialReason;
import jp.emergencyaccess.ledger.access.InfoCategory;
import jp.emergencyaccess.ledger.consent.ConsentBasis;
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
  private static final String DAY_COLUMNS =
      "attempts, allowed, exemption, repeated, c_medication, c_health_checkup, c_clinical,"
          + " c_prescription, c_dispensing, r_facility_unknown, r_facility_suspended,"
          + " r_not_activated, r_consent_missing, r_consent_mismatch, r_consent_withdrawn";

  private final JdbcTemplate jdbc;

  AccessRollup(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void reset() {
    jdbc.update("delete from access_day");
    jdbc.update("delete from access_viewer");
    jdbc.update("delete from access_patient");
  }

  void count(
      String facilityCode,
      LocalDate day,
      String viewerId,
      String patientRef,
      boolean allowed,
      ConsentBasis basis,
      List<InfoCategory> categories,
      List<DenialReason> reasons) {
    long[] add = new long[15];
    add[0] = 1;
    add[1] = allowed ? 1 : 0;
    add[2] = basis == ConsentBasis.EMERGENCY_EXEMPTION ? 1 : 0;
    for (InfoCategory c : categories) {
      add[4 + c.ordinal()] = 1;
    }
    for (DenialReason r : reasons) {
      add[9 + r.ordinal()] = 1;
    }
    String[] columns = DAY_COLUMNS.split(", *");
    StringBuilder set = new StringBuilder();
    Object[] args = new Object[columns.length + 2];
    for (int i = 0; i < columns.length; i++) {
      set.append(i == 0 ? "" : ", ")
          .append(columns[i])
          .append(" = ")
          .append(columns[i])
          .append(" + ?");
      args[i] = add[i];
    }
    args[columns.length] = facilityCode;
    args[columns.length + 1] = day;
    int updated =
        jdbc.update(
            "update access_day set " + set + " where facility_code = ? and day_jst = ?", args);
    if (updated == 0) {
      Object[] values = new Object[columns.length + 2];
      values[0] = facilityCode;
      values[1] = day;
      for (int i = 0; i < columns.length; i++) {
        values[i + 2] = add[i];
      }
      jdbc.update(
          "insert into access_day (facility_code, day_jst, "
              + DAY_COLUMNS
              + ") values (?, ?"
              + ", ?".repeat(columns.length)
              + ")",
          values);
    }
    if (jdbc.update(
            "update access_viewer set attempts = attempts + 1"
                + " where facility_code = ? and viewer_id = ?",
            facilityCode,
            viewerId)
        == 0) {
      jdbc.update(
          "insert into access_viewer (facility_code, viewer_id, attempts) values (?, ?, 1)",
          facilityCode,
          viewerId);
    }
    Integer known =
        jdbc.queryForObject(
            "select count(*) from access_patient where facility_code = ? and patient_ref = ?",
            Integer.class,
            facilityCode,
            patientRef);
    if (known == null || known == 0) {
      jdbc.update(
          "insert into access_patient (facility_code, patient_ref) values (?, ?)",
          facilityCode,
          patientRef);
    }
  }

  void repeatFlagged(String facilityCode, LocalDate day) {
    jdbc.update(
        "update access_day set repeated = repeated + 1 where facility_code = ? and day_jst = ?",
        facilityCode,
        day);
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

  /** The summary of the facility's whole history, from the counts alone. */
  AccessSummary wholeHistory(String facilityCode, HighVolumeDays highVolume) {
    long[] sums = new long[15];
    long[] highVolumeAttempts = {0};
    jdbc.query(
        "select day_jst, " + DAY_COLUMNS + " from access_day where facility_code = ?",
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
      byCategory.put(c.name(), sums[4 + c.ordinal()]);
    }
    Map<String, Long> byReason = new LinkedHashMap<>();
    for (DenialReason r : DenialReason.values()) {
      byReason.put(r.name(), sums[9 + r.ordinal()]);
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
