package jp.emergencyaccess.ledger.patientreport;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One page of a patient's access report, at facility level: who (which facility) looked, when, at
 * what, on which ground, under which activation. It names no viewer, no consent and no internal
 * flag. {@code facilities} and {@code total} count the whole period, not only the page; {@code
 * requests} (the earlier requests for this patient's report, this one included) come with the first
 * page.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PatientAccessReport(
    LocalDate from,
    LocalDate to,
    String lang,
    long total,
    List<FacilityLine> facilities,
    List<ReportedLookup> items,
    List<Request> requests,
    String next) {

  /** The lookups of one facility in the period. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FacilityLine(
      String facilityCode,
      String facilityName,
      String facilityKind,
      String facilityKindLabel,
      long lookups,
      long allowed,
      long denied,
      OffsetDateTime latest) {}

  /**
   * One lookup: {@code categories} are those shown, or asked for when it was denied; {@code basis}
   * CONSENT, EMERGENCY_EXEMPTION or NONE.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ReportedLookup(
      OffsetDateTime at,
      String facilityCode,
      String facilityName,
      String facilityKind,
      String facilityKindLabel,
      String decision,
      String decisionLabel,
      List<String> categories,
      List<String> categoryLabels,
      String basis,
      String basisLabel,
      Coverage coveredBy) {}

  /** The activation that covered a lookup: a region's (with its notice) or the facility's own. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Coverage(String kind, String regionCode, String noticeId, String label) {}

  /** A recorded request for this patient's report. */
  public record Request(
      OffsetDateTime at,
      String requestedBy,
      String requesterRole,
      LocalDate from,
      LocalDate to,
      String form) {}
}
