package jp.emergencyaccess.ledger.review;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The review records per facility (table {@code facility_review}). It belongs to the workbench's
 * subscribing processor ({@value #GROUP}, workbench.AlertQueue's), so a review is listed in its
 * command's transaction and rebuilt with the queue and the auditors' log. The name is written out
 * here because the workbench's auditors' log reads this package's event: a constant of the
 * workbench would make the two packages depend on each other.
 */
@Component
@ProcessingGroup(FacilityReviews.GROUP)
public class FacilityReviews {
  static final String GROUP = "alerts";
  private final JdbcTemplate jdbc;

  FacilityReviews(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * One review record; {@code note} and {@code by} are the reviewers' own ({@link #forFacility}).
   */
  public record Entry(
      String reviewId,
      String facilityCode,
      LocalDate from,
      LocalDate to,
      ReviewFinding finding,
      String note,
      String by,
      Instant at,
      Instant recordedAt) {
    /**
     * What the facility itself is shown: that it was reviewed, when and the finding; not the note
     * nor the reviewer's account, as its alerts leave out the triage's.
     */
    public Entry forFacility() {
      return new Entry(reviewId, facilityCode, from, to, finding, null, null, at, recordedAt);
    }
  }

  @ResetHandler
  void reset() {
    jdbc.update("delete from facility_review");
  }

  @EventHandler
  void on(ReviewRecorded e, @Timestamp Instant recordedAt) {
    jdbc.update(
        "insert into facility_review (review_id, facility_code, from_day, to_day, finding, note,"
            + " reviewed_by, at_ms, recorded_at_ms) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        e.reviewId(),
        e.facilityCode(),
        e.from(),
        e.to(),
        e.finding(),
        e.note(),
        e.by(),
        e.at().toEpochMilli(),
        recordedAt.toEpochMilli());
  }

  public java.util.Optional<Entry> find(String reviewId) {
    return jdbc
        .query("select * from facility_review where review_id = ?", this::entry, reviewId)
        .stream()
        .findFirst();
  }

  /**
   * The facility's reviews whose period overlaps {@code from}..{@code to} (either may be null: open
   * ended), by the first day they cover, then when recorded, then id.
   */
  public List<Entry> of(String facilityCode, LocalDate from, LocalDate to, int limit) {
    StringBuilder sql = new StringBuilder("select * from facility_review where facility_code = ?");
    List<Object> args = new java.util.ArrayList<>(List.of(facilityCode));
    if (from != null) {
      sql.append(" and to_day >= ?");
      args.add(from);
    }
    if (to != null) {
      sql.append(" and from_day <= ?");
      args.add(to);
    }
    sql.append(" order by from_day, recorded_at_ms, review_id limit ?");
    args.add(limit);
    return jdbc.query(sql.toString(), this::entry, args.toArray());
  }

  private Entry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new Entry(
        rs.getString("review_id"),
        rs.getString("facility_code"),
        rs.getObject("from_day", LocalDate.class),
        rs.getObject("to_day", LocalDate.class),
        ReviewFinding.valueOf(rs.getString("finding")),
        rs.getString("note"),
        rs.getString("reviewed_by"),
        Instant.ofEpochMilli(rs.getLong("at_ms")),
        Instant.ofEpochMilli(rs.getLong("recorded_at_ms")));
  }
}
