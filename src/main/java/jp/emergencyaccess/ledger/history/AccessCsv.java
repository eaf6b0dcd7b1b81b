package jp.emergencyaccess.ledger.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;
import jp.emergencyaccess.ledger.access.CoveredBy;
import jp.emergencyaccess.ledger.access.Lookup;

/**
 * The access history as CSV (RFC 4180, CRLF): UTF-8 with a byte-order mark so Excel opens Japanese
 * text correctly, one header row, the same rows as the JSON answer. List values (categories,
 * reasons, flags, the basis's chain) are joined with {@code ;}. The basis ({@link CoveredBy}) is
 * spread over the {@code coveredBy*} columns; an empty {@code coveredByRetroactive} means not known
 * (a view recorded before the ledger recorded it).
 *
 * <p>A facility's system chooses some of these values (the viewer id above all), and the byte-order
 * mark invites opening the file in a spreadsheet, which runs a cell that starts with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return as a formula. Such a cell is written
 * with a leading single quote, and quoted (OWASP, CSV injection): the spreadsheet shows it as text.
 */
public final class AccessCsv {
  public static final List<String> HEADER =
      List.of(
          "viewId",
          "at",
          "facilityCode",
          "viewerId",
          "viewerRole",
          "patientRef",
          "categories",
          "consentId",
          "consentBasis",
          "identification",
          "decision",
          "reasons",
          "coveredByKind",
          "coveredByRegionCode",
          "coveredByNoticeId",
          "coveredByApplicationId",
          "coveredByChain",
          "coveredByRetroactive",
          "flags",
          "recordedAt");
  private static final String BOM = "\uFEFF";
  private static final String FORMULA_STARTS = "=+-@\t\r";

  private final Writer out;

  public AccessCsv(Writer out) {
    this.out = out;
  }

  public void header() {
    write(BOM + line(HEADER));
  }

  public void row(AccessAttempt attempt) {
    Lookup a = attempt.lookup();
    CoveredBy covered = a.coveredBy();
    write(
        line(
            List.of(
                a.viewId(),
                IsoText.of(a.at()),
                a.facilityCode(),
                a.viewerId(),
                a.viewerRole().name(),
                a.patientRef(),
                CodeText.join(a.categories(), ";"),
                text(a.consentId()),
                text(a.consentBasis()),
                text(a.identification()),
                a.decision().name(),
                CodeText.join(a.reasons(), ";"),
                covered == null ? "" : covered.kind().name(),
                covered == null ? "" : text(covered.regionCode()),
                covered == null ? "" : text(covered.noticeId()),
                covered == null ? "" : text(covered.applicationId()),
                covered == null ? "" : String.join(";", covered.chain()),
                covered == null || covered.retroactive() == null
                    ? ""
                    : covered.retroactive().toString(),
                CodeText.join(attempt.flags(), ";"),
                IsoText.of(attempt.recordedAt()))));
  }

  private static String text(Enum<?> value) {
    return value == null ? "" : value.name();
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  private static String line(List<String> fields) {
    return fields.stream().map(AccessCsv::quote).collect(Collectors.joining(",")) + "\r\n";
  }

  /**
   * Quotes a field that holds a comma, quote or line break; a field a spreadsheet would read as a
   * formula is prefixed with a single quote and quoted.
   */
  static String quote(String field) {
    if (formula(field)) {
      return "\"'" + field.replace("\"", "\"\"") + "\"";
    }
    if (field.contains(",")
        || field.contains("\"")
        || field.contains("\n")
        || field.contains("\r")) {
      return "\"" + field.replace("\"", "\"\"") + "\"";
    }
    return field;
  }

  private static boolean formula(String field) {
    return !field.isEmpty() && FORMULA_STARTS.indexOf(field.charAt(0)) >= 0;
  }

  private void write(String text) {
    try {
      out.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
