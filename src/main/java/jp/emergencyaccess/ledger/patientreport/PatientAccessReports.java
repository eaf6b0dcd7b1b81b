package jp.emergencyaccess.ledger.patientreport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.emergencyaccess.ledger.access.CoveredBy;
import jp.emergencyaccess.ledger.access.Lookup;
import jp.emergencyaccess.ledger.activation.ActivationChange;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.common.SnapshotReads;
import jp.emergencyaccess.ledger.facility.FacilityDirectory;
import jp.emergencyaccess.ledger.facility.FacilitySummary;
import jp.emergencyaccess.ledger.history.AccessAttempt;
import jp.emergencyaccess.ledger.history.AccessPage;
import jp.emergencyaccess.ledger.history.PatientAttempts;
import jp.emergencyaccess.ledger.patientreport.PatientAccessReport.Coverage;
import jp.emergencyaccess.ledger.patientreport.PatientAccessReport.FacilityLine;
import jp.emergencyaccess.ledger.patientreport.PatientAccessReport.ReportedLookup;
import org.springframework.stereotype.Component;

/**
 * Builds a page of a recorded request's report from the access history (every attempt of the
 * request's patientRef in its period) and the facility directory.
 */
@Component
public class PatientAccessReports {
  /** How many of the latest requests about the patient a report lists. */
  static final int LISTED_REQUESTS = 100;

  public static final int DEFAULT_PAGE = 100;
  public static final int MAX_PAGE = 1000;

  private final PatientAttempts attempts;
  private final ReportRequestLog requests;
  private final FacilityDirectory facilities;
  private final SnapshotReads snapshots;

  PatientAccessReports(
      PatientAttempts attempts,
      ReportRequestLog requests,
      FacilityDirectory facilities,
      SnapshotReads snapshots) {
    this.attempts = attempts;
    this.requests = requests;
    this.facilities = facilities;
    this.snapshots = snapshots;
  }

  /**
   * The page after {@code after} (the access history's cursor; null for the first page), read as of
   * one moment so the counts per facility agree with the lookups listed.
   */
  public PatientAccessReport page(
      ReportRequestLog.Entry request, ReportLang lang, String after, int limit) {
    return snapshots.read(() -> build(request, lang, after, limit));
  }

  private PatientAccessReport build(
      ReportRequestLog.Entry request, ReportLang lang, String after, int limit) {
    ReportPeriod period = request.period();
    // Within one answer only: a facility's name is read once per page, never kept across requests.
    Map<String, Optional<FacilitySummary>> known = new HashMap<>();
    List<FacilityLine> lines =
        attempts.countsByFacility(request.patientRef(), period.start(), period.end()).stream()
            .map(
                c -> {
                  Optional<FacilitySummary> f = facility(known, c.facilityCode());
                  String kind = kind(f);
                  return new FacilityLine(
                      c.facilityCode(),
                      f.map(FacilitySummary::name).orElse(null),
                      kind,
                      lang.label(kind),
                      c.attempts(),
                      c.allowed(),
                      c.attempts() - c.allowed(),
                      JapanTime.render(c.latest()));
                })
            .toList();
    AccessPage page =
        attempts.page(request.patientRef(), period.start(), period.end(), after, limit);
    List<ReportedLookup> items =
        page.items().stream()
            .map(a -> lookup(a, facility(known, a.lookup().facilityCode()), lang))
            .toList();
    List<PatientAccessReport.Request> asked =
        after != null
            ? null
            : requests.ofPatient(request.patientRef(), LISTED_REQUESTS).stream()
                .map(
                    r ->
                        new PatientAccessReport.Request(
                            JapanTime.render(r.at()),
                            r.requestedBy(),
                            r.requesterRole(),
                            r.period().from(),
                            r.period().to(),
                            r.form().name()))
                .toList();
    return new PatientAccessReport(
        period.from(),
        period.to(),
        lang.code(),
        lines.stream().mapToLong(FacilityLine::lookups).sum(),
        lines,
        items,
        asked,
        page.next() == null
            ? null
            : new ReportCursor(request.reportId(), page.next(), limit).encode());
  }

  private Optional<FacilitySummary> facility(
      Map<String, Optional<FacilitySummary>> known, String facilityCode) {
    return known.computeIfAbsent(facilityCode, facilities::find);
  }

  private static String kind(Optional<FacilitySummary> facility) {
    return facility.map(f -> f.kind().name()).orElse("UNREGISTERED");
  }

  private static ReportedLookup lookup(
      AccessAttempt attempt, Optional<FacilitySummary> f, ReportLang lang) {
    Lookup a = attempt.lookup();
    String kind = kind(f);
    String basis =
        a.consentBasis() == null ? "NONE" : a.underExemption() ? "EMERGENCY_EXEMPTION" : "CONSENT";
    List<String> categories = a.categories().stream().map(Enum::name).toList();
    return new ReportedLookup(
        JapanTime.render(a.at()),
        a.facilityCode(),
        f.map(FacilitySummary::name).orElse(null),
        kind,
        lang.label(kind),
        a.decision().name(),
        lang.label(a.decision().name()),
        categories,
        categories.stream().map(lang::label).toList(),
        basis,
        lang.label(basis),
        coverage(a.coveredBy(), lang));
  }

  private static Coverage coverage(CoveredBy covered, ReportLang lang) {
    if (covered == null) {
      return null;
    }
    if (covered.kind() == ActivationChange.Kind.REGION) {
      String notice = covered.noticeId();
      if (notice == null && covered.notices() != null && !covered.notices().isEmpty()) {
        notice = covered.notices().get(covered.notices().size() - 1);
      }
      String label =
          lang.label("REGION")
              + " "
              + covered.regionCode()
              + (notice == null ? "" : " (" + lang.label("notice") + " " + notice + ")");
      return new Coverage("REGION", covered.regionCode(), notice, label);
    }
    return new Coverage("FACILITY", null, null, lang.label("FACILITY"));
  }
}
