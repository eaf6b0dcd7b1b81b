package jp.emergencyaccess.ledger.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import jp.emergencyaccess.ledger.access.Decision;
import jp.emergencyaccess.ledger.access.DenialReason;
import jp.emergencyaccess.ledger.access.InfoCategory;
import jp.emergencyaccess.ledger.access.Lookup;
import jp.emergencyaccess.ledger.access.ViewerRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccessCsvTest {
  /** OWASP CSV injection: what a spreadsheet runs as a formula is written as quoted text. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "=HYPERLINK(\"http://evil.example\",\"x\")",
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(A1:A9)",
        "\t=1",
        "\r=1"
      })
  void aCellAFormulaWouldStartWith_isQuotedAfterASingleQuote(String hostile) {
    String cell = AccessCsv.quote(hostile);
    assertThat(cell).isEqualTo("\"'" + hostile.replace("\"", "\"\"") + "\"");
    assertThat(SimpleCsv.parse(cell + "\r\n")).containsExactly(List.of("'" + hostile));
  }

  @ParameterizedTest
  @ValueSource(strings = {"dr-kaga", "2024-02-20T10:00:00+09:00", "a=b", "", "1710112341"})
  void aCellThatCannotStartAFormula_isWrittenAsItIs(String plain) {
    assertThat(AccessCsv.quote(plain)).isEqualTo(plain);
  }

  @Test
  void fieldsWithCommasQuotesAndLineBreaks_roundTrip() {
    AccessAttempt attempt =
        new AccessAttempt(
            new Lookup(
                "0f17f53d-3a2c-37a7-80d0-a42802c86e4a",
                "1710112341",
                Instant.parse("2024-02-20T01:00:00Z"),
                "dr \"Kaga\", night\nshift",
                ViewerRole.DOCTOR,
                "0217836a05bcb96b82adeb96276be631",
                List.of(InfoCategory.MEDICATION, InfoCategory.CLINICAL),
                null,
                null,
                null,
                Decision.DENIED,
                List.of(DenialReason.CONSENT_MISSING, DenialReason.NOT_ACTIVATED),
                null),
            List.of(AccessFlag.DENIED),
            Instant.parse("2024-02-20T01:00:00.123Z"));
    StringWriter out = new StringWriter();
    AccessCsv csv = new AccessCsv(out);
    csv.header();
    csv.row(attempt);
    String text = out.toString();
    assertThat(text).startsWith("\uFEFF").contains("\r\n");
    List<List<String>> rows = SimpleCsv.parse(text.substring(1));
    assertThat(rows).hasSize(2);
    assertThat(rows.get(1).get(1)).isEqualTo("2024-02-20T10:00:00+09:00");
    assertThat(rows.get(1).get(3)).isEqualTo("dr \"Kaga\", night\nshift");
    assertThat(rows.get(1).get(11)).isEqualTo("CONSENT_MISSING;NOT_ACTIVATED");
    assertThat(rows.get(1).get(19)).isEqualTo("2024-02-20T10:00:00.123+09:00");
  }
}
