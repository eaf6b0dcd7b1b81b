package jp.emergencyaccess.ledger.facility;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Facility master data, written in the command's transaction (subscribing processor). */
@Component
@ProcessingGroup(FacilityProjection.GROUP)
class FacilityProjection implements FacilityDirectory {
  static final String GROUP = "facilities";
  private static final String COLUMNS =
      "facility_code, kind, name, name_kana, postal_code, address, municipality_code, phone,"
          + " registered_at, at_ms";

  private final JdbcTemplate jdbc;

  FacilityProjection(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @ResetHandler
  void reset() {
    jdbc.update("delete from facility");
  }

  @EventHandler
  void on(FacilityRegistered e, @Timestamp Instant recordedAt) {
    jdbc.update(
        "insert into facility (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        e.facilityCode(),
        e.kind().name(),
        e.name(),
        e.nameKana(),
        e.postalCode(),
        e.address(),
        e.municipalityCode(),
        e.phone(),
        recordedAt.toEpochMilli(),
        e.at() == null ? null : e.at().toEpochMilli());
  }

  @Override
  public Optional<FacilitySummary> find(String facilityCode) {
    return jdbc
        .query(
            "select " + COLUMNS + " from facility where facility_code = ?",
            FacilityProjection::row,
            facilityCode)
        .stream()
        .findFirst();
  }

  @Override
  public Set<String> registeredAmong(Collection<String> facilityCodes) {
    if (facilityCodes.isEmpty()) {
      return Set.of();
    }
    String marks = String.join(",", Collections.nCopies(facilityCodes.size(), "?"));
    return new HashSet<>(
        jdbc.queryForList(
            "select facility_code from facility where facility_code in (" + marks + ")",
            String.class,
            facilityCodes.toArray()));
  }

  private static FacilitySummary row(ResultSet rs, int n) throws SQLException {
    return new FacilitySummary(
        rs.getString("facility_code"),
        FacilityKind.valueOf(rs.getString("kind")),
        rs.getString("name"),
        rs.getString("name_kana"),
        rs.getString("postal_code"),
        rs.getString("address"),
        rs.getString("municipality_code"),
        rs.getString("phone"),
        Instant.ofEpochMilli(rs.getLong("registered_at")),
        rs.getObject("at_ms") == null ? null : Instant.ofEpochMilli(rs.getLong("at_ms")));
  }
}
