package jp.emergencyaccess.ledger.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.emergencyaccess.ledger.access.CoveredBy;
import jp.emergencyaccess.ledger.activation.ActivationChange;

/** The columns of an {@code access_attempt} row as a page shows it, and reading one. */
final class AttemptColumns {
  /** Its key's columns from {@code k}, the table a selection reads first (AccessHistoryQueries). */
  static final String LIST =
      "k.view_id, k.facility_code, k.at_ms, day_jst, viewer_id, viewer_role,"
          + " patient_ref, categories, consent_id, consent_basis, identification, decision,"
          + " reasons, covered_kind, covered_region, covered_notice, covered_application,"
          + " covered_chain, covered_retroactive, repeated_patient, recorded_at_ms";

  private AttemptColumns() {}

  /** The row as an attempt, with its flags (HIGH_VOLUME from the facility's high-volume days). */
  static AccessAttempt read(ResultSet rs, HighVolumeDays highVolume) throws SQLException {
    String basis = rs.getString("consent_basis");
    String decision = rs.getString("decision");
    List<AccessFlag> flags = new ArrayList<>();
    if ("EMERGENCY_EXEMPTION".equals(basis)) {
      flags.add(AccessFlag.EMERGENCY_EXEMPTION);
    }
    if ("DENIED".equals(decision)) {
      flags.add(AccessFlag.DENIED);
    }
    if (rs.getBoolean("repeated_patient")) {
      flags.add(AccessFlag.REPEATED_PATIENT);
    }
    if (highVolume.contains(rs.getObject("day_jst", LocalDate.class))) {
      flags.add(AccessFlag.HIGH_VOLUME);
    }
    return new AccessAttempt(
        rs.getString("view_id"),
        rs.getString("facility_code"),
        Instant.ofEpochMilli(rs.getLong("at_ms")),
        rs.getString("viewer_id"),
        rs.getString("viewer_role"),
        rs.getString("patient_ref"),
        split(rs.getString("categories")),
        rs.getString("consent_id"),
        basis,
        rs.getString("identification"),
        decision,
        split(rs.getString("reasons")),
        coveredBy(rs),
        List.copyOf(flags),
        Instant.ofEpochMilli(rs.getLong("recorded_at_ms")));
  }

  /** The recorded basis, as its event recorded it (see {@link CoveredBy}), or null. */
  private static CoveredBy coveredBy(ResultSet rs) throws SQLException {
    String kind = rs.getString("covered_kind");
    if (kind == null) {
      return null;
    }
    List<String> chain = split(rs.getString("covered_chain"));
    boolean region = ActivationChange.Kind.REGION.name().equals(kind);
    Object retroactive = rs.getObject("covered_retroactive");
    return new CoveredBy(
        ActivationChange.Kind.valueOf(kind),
        rs.getString("covered_region"),
        rs.getString("covered_notice"),
        region ? chain : null,
        rs.getString("covered_application"),
        region ? null : chain,
        retroactive == null ? null : rs.getBoolean("covered_retroactive"));
  }

  private static List<String> split(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
  }
}
