package jp.emergencyaccess.ledger.patientreport;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import jp.emergencyaccess.ledger.patientreport.PatientAccessReport.FacilityLine;
import jp.emergencyaccess.ledger.patientreport.PatientAccessReport.ReportedLookup;

/**
 * A report page as a printable HTML document, with the same rows as the JSON answer. Every value is
 * escaped: facility names come from registrations and are shown to patients as text, never as
 * markup.
 */
public final class ReportPage {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private ReportPage() {}

  public static String html(PatientAccessReport report) {
    boolean ja = "ja".equals(report.lang());
    StringBuilder h = new StringBuilder(4096);
    h.append("<!DOCTYPE html>\n<html lang=\"")
        .append(esc(report.lang()))
        .append("\">\n<head>\n<meta charset=\"UTF-8\">\n<title>")
        .append(ja ? "医療情報の閲覧記録" : "Who looked at my medical information")
        .append("</title>\n<style>body{font-family:sans-serif}table{border-collapse:collapse}")
        .append("th,td{border:1px solid #888;padding:2px 6px;text-align:left}")
        .append("@media print{.next{display:none}}</style>\n</head>\n<body>\n<h1>")
        .append(ja ? "医療情報の閲覧記録" : "Who looked at my medical information")
        .append("</h1>\n<p class=\"period\">")
        .append(ja ? "対象期間: " : "Period: ")
        .append(esc(report.from().toString()))
        .append(" – ")
        .append(esc(report.to().toString()))
        .append(ja ? "（日本時間）" : " (Japan time)")
        .append("</p>\n<p class=\"total\">")
        .append(ja ? "閲覧の記録: " : "Lookups: ")
        .append(report.total())
        .append(ja ? " 件" : "")
        .append("</p>\n");
    facilities(h, report.facilities(), ja);
    lookups(h, report.items(), ja);
    if (report.requests() != null) {
      h.append("<h2>")
          .append(ja ? "この記録の照会" : "Requests for this report")
          .append("</h2>\n<ul class=\"requests\">\n");
      for (PatientAccessReport.Request r : report.requests()) {
        h.append("<li>")
            .append(time(r.at()))
            .append(" ")
            .append(esc(r.requestedBy()))
            .append(" (")
            .append(esc(r.from().toString()))
            .append(" – ")
            .append(esc(r.to().toString()))
            .append(")</li>\n");
      }
      h.append("</ul>\n");
    }
    if (report.next() != null) {
      h.append("<p class=\"next\" data-cursor=\"")
          .append(esc(report.next()))
          .append("\">")
          .append(ja ? "続きがあります。" : "More lookups follow.")
          .append("</p>\n");
    }
    return h.append("</body>\n</html>\n").toString();
  }

  private static void facilities(StringBuilder h, List<FacilityLine> lines, boolean ja) {
    h.append("<h2>")
        .append(ja ? "医療機関等ごとの件数" : "Per facility")
        .append("</h2>\n<table class=\"facilities\">\n<tr><th>")
        .append(ja ? "医療機関等" : "Facility")
        .append("</th><th>")
        .append(ja ? "種別" : "Kind")
        .append("</th><th>")
        .append(ja ? "件数" : "Lookups")
        .append("</th><th>")
        .append(ja ? "うち拒否" : "Refused")
        .append("</th><th>")
        .append(ja ? "最新" : "Latest")
        .append("</th></tr>\n");
    for (FacilityLine f : lines) {
      h.append("<tr><td>")
          .append(esc(name(f.facilityName(), f.facilityCode())))
          .append("</td><td>")
          .append(esc(f.facilityKindLabel()))
          .append("</td><td>")
          .append(f.lookups())
          .append("</td><td>")
          .append(f.denied())
          .append("</td><td>")
          .append(time(f.latest()))
          .append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  private static void lookups(StringBuilder h, List<ReportedLookup> items, boolean ja) {
    h.append("<h2>")
        .append(ja ? "閲覧の記録（新しい順）" : "Lookups (newest first)")
        .append("</h2>\n<table class=\"lookups\">\n<tr><th>")
        .append(ja ? "日時（日本時間）" : "Time (Japan)")
        .append("</th><th>")
        .append(ja ? "医療機関等" : "Facility")
        .append("</th><th>")
        .append(ja ? "種別" : "Kind")
        .append("</th><th>")
        .append(ja ? "結果" : "Outcome")
        .append("</th><th>")
        .append(ja ? "情報の種類" : "Information")
        .append("</th><th>")
        .append(ja ? "根拠" : "Ground")
        .append("</th><th>")
        .append(ja ? "適用" : "Activation")
        .append("</th></tr>\n");
    for (ReportedLookup l : items) {
      h.append("<tr><td>")
          .append(time(l.at()))
          .append("</td><td>")
          .append(esc(name(l.facilityName(), l.facilityCode())))
          .append("</td><td>")
          .append(esc(l.facilityKindLabel()))
          .append("</td><td>")
          .append(esc(l.decisionLabel()))
          .append("</td><td>")
          .append(esc(String.join("、", l.categoryLabels())))
          .append("</td><td>")
          .append(esc(l.basisLabel()))
          .append("</td><td>")
          .append(esc(l.coveredBy() == null ? "" : l.coveredBy().label()))
          .append("</td></tr>\n");
    }
    h.append("</table>\n");
  }

  private static String name(String name, String facilityCode) {
    return name == null ? facilityCode : name;
  }

  private static String time(OffsetDateTime at) {
    return at == null ? "" : esc(at.format(TIME));
  }

  /** Text as HTML text or attribute value. */
  static String esc(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
