package jp.emergencyaccess.ledger.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.emergencyaccess.ledger.access.CoveredBy;
import jp.emergencyaccess.ledger.access.Decision;
import jp.emergencyaccess.ledger.access.DenialReason;
import jp.emergencyaccess.ledger.access.InfoCategory;
import jp.emergencyaccess.ledger.access.Lookup;
import jp.emergencyaccess.ledger.access.ViewerRole;
import jp.emergencyaccess.ledger.activation.ActivationChange;
import jp.emergencyaccess.ledger.consent.ConsentBasis;
import jp.emergencyaccess.ledger.consent.Identification;

/**
 * The columns of an {@code access_attempt} row as a page shows it, and reading one. Public for the
 * workbench's drill-downs, which select rows of this table by their own keys.
 */
public final class AttemptColumns {
  /**
   * Its key's columns from {@code k}: the table a selection reads first (AccessHistoryQueries), or
   * {@code access_attempt k} itself.
   */
  public static final String LIST =
      "k.view_id, k.facility_code, k.at_ms, day_jst, viewer_id, viewer_role,"
          + " patient_ref, categories, consent_id, consent_basis, identification, decision,"
          + " reasons, covered_kind, covered_region, covered_notice, covered_application,"
          + " covered_chain, covered_retroactive, repeated_patient, recorded_at_ms";

  private AttemptColumns() {}

  /** The row as an attempt, with its flags but HIGH_VOLUME (which needs the facility's days). */
  public static AccessAttempt read(ResultSet rs) throws SQLException {
    return read(rs, HighVolumeDays.NONE);
  }

  /** The row as an attempt, with its flags (HIGH_VOLUME from the facility's high-volume days). */
  static AccessAttempt read(ResultSet rs, HighVolumeDays highVolume) throws SQLException {
    Lookup lookup =
        new Lookup(
            rs.getString("view_id"),
            rs.getString("facility_code"),
            Instant.ofEpochMilli(rs.getLong("at_ms")),
            rs.getString("viewer_id"),
            ViewerRole.valueOf(rs.getString("viewer_role")),
            rs.getString("patient_ref"),
            split(rs.getString("categories")).stream().map(InfoCategory::valueOf).toList(),
            rs.getString("consent_id"),
            named(ConsentBasis.class, rs.getString("consent_basis")),
            named(Identification.class, rs.getString("identification")),
            Decision.valueOf(rs.getString("decision")),
            split(rs.getString("reasons")).stream().map(DenialReason::valueOf).toList(),
            coveredBy(rs));
    List<AccessFlag> flags = new ArrayList<>();
    if (lookup.underExemption()) {
      flags.add(AccessFlag.EMERGENCY_EXEMPTION);
    }
    if (!lookup.allowed()) {
      flags.add(AccessFlag.DENIED);
    }
    if (rs.getBoolean("repeated_patient")) {
      flags.add(AccessFlag.REPEATED_PATIENT);
    }
    if (highVolume.contains(rs.getObject("day_jst", LocalDate.class))) {
      flags.add(AccessFlag.HIGH_VOLUME);
    }
    return new AccessAttempt(
        lookup, List.copyOf(flags), Instant.ofEpochMilli(rs.getLong("recorded_at_ms")));
  }

  private static <E extends Enum<E>> E named(Class<E> type, String name) {
    return name == null ? null : Enum.valueOf(type, name);
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
