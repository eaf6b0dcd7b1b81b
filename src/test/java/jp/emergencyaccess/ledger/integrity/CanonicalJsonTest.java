package jp.emergencyaccess.ledger.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

  private static String canonical(String json) {
    return CanonicalJson.write(CanonicalJson.parse(json.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void sortsMembersByName_andDropsWhitespace() {
    assertThat(canonical("{ \"b\" : 1,\n \"a\": [true, null, \"x\", {\"z\":1, \"y\":2}] }"))
        .isEqualTo("{\"a\":[true,null,\"x\",{\"y\":2,\"z\":1}],\"b\":1}");
  }

  @Test
  void sameDataInAnotherLayout_isTheSameText() {
    assertThat(canonical("{\"title\":\"その1\",\"revision\":1}"))
        .isEqualTo(canonical("{\n  \"revision\" : 1.0,\n  \"title\" : \"\\u305d\\u306e1\"\n}"));
  }

  @Test
  void numbers_arePlainDecimalsWithoutTrailingZeros() {
    assertThat(canonical("[1.0, 1.50, -0.0, 1e3, 2.5E-3, 12345678901234567890123]"))
        .isEqualTo("[1,1.5,0,1000,0.0025,12345678901234567890123]");
  }

  @Test
  void strings_escapeOnlyQuotesBackslashesAndControls() {
    assertThat(canonical("[\"a\\u0001b\\n\\\"/é\\t\\\\\"]"))
        .isEqualTo("[\"a\\u0001b\\n\\\"/é\\t\\\\\"]");
  }

  @Test
  void membersSortByUtf16CodeUnits() {
    assertThat(canonical("{\"b\":1,\"B\":2,\"a\":3,\"é\":4}"))
        .isEqualTo("{\"B\":2,\"a\":3,\"b\":1,\"é\":4}");
  }

  @Test
  void duplicateNamesAndTrailingText_areNotJson() {
    assertThat(CanonicalJson.parse("{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8))).isNull();
    assertThat(CanonicalJson.parse("{\"a\":1} x".getBytes(StandardCharsets.UTF_8))).isNull();
    assertThat(CanonicalJson.parse("{\"a\":".getBytes(StandardCharsets.UTF_8))).isNull();
  }
}
