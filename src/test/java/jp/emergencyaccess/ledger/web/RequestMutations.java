package jp.emergencyaccess.ledger.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.TestCodes;

/**
 * How {@link MalformedRequestScenarios} makes its requests: the fields of a valid body, and
 * mutations of it that no endpoint accepts (each one invalid on its own).
 */
final class RequestMutations {
  private RequestMutations() {}

  enum Kind {
    LINE, // an identifier or name: one line
    FREE, // free text: tabs and newlines allowed
    FACILITY_CODE,
    DATE,
    INSTANT,
    INT,
    ENUM,
    ENUM_LIST,
    BOOL,
    OBJECT
  }

  /** One field of a body: its valid JSON value, and whether leaving it out is refused. */
  record Field(String name, Kind kind, String json, boolean required, List<Field> fields) {
    Field(String name, Kind kind, String json, boolean required) {
      this(name, kind, json, required, List.of());
    }
  }

  /** A POST endpoint with a valid body (as the given account) that the mutations start from. */
  record Endpoint(
      String name,
      Api as,
      String path,
      List<Field> fields,
      boolean bodyOptional,
      List<String> badPaths) {}

  // ---- rendering --------------------------------------------------------------------------

  static String render(List<Field> fields) {
    StringBuilder json = new StringBuilder("{");
    for (Field f : fields) {
      if (json.length() > 1) {
        json.append(',');
      }
      json.append('"').append(f.name()).append("\":").append(value(f));
    }
    return json.append('}').toString();
  }

  static String value(Field f) {
    return f.kind() == Kind.OBJECT && f.json() == null ? render(f.fields()) : f.json();
  }

  // ---- mutations --------------------------------------------------------------------------

  /** A request to send: path, content type (null: none) and body bytes. */
  record Attempt(String endpoint, String mutation, String path, String type, byte[] body) {}

  /** Boundary and junk strings that no text field accepts (over every column's size). */
  private static final List<String> BAD_TEXT =
      List.of(
          "a\\u0000b",
          "\\u0007bell",
          "del\\u007f",
          "c1\\u0085",
          "\\ud800",
          "x\\udc00y",
          "rtl\\u202eoverride",
          "iso\\u2066late",
          "mark\\u200f",
          "esc\\u001b[31m",
          "cr\\r");

  private static final List<String> BAD_INSTANTS =
      List.of(
          "1.5",
          "0",
          "1708391700",
          "\"1708391700\"",
          "\"2024-02-20T10:15:00\"",
          "\" 2024-02-20T10:15:00+09:00\"",
          "\"2024-02-20T10:15:00+09:00 \"",
          "\"2024-02-20t10:15:00+09:00\"",
          "\"2024-02-20\"",
          "\"0000-01-01T00:00:00Z\"",
          "\"-0001-01-01T00:00:00Z\"",
          "\"+10000-01-01T00:00:00Z\"",
          "\"+999999999-12-31T23:59:59Z\"",
          "\"1999-12-31T14:59:59Z\"",
          "\"2101-01-01T00:00:00+09:00\"",
          "\"2024-02-30T10:00:00+09:00\"",
          "\"2024-02-20T25:00:00+09:00\"",
          "\"2024-02-20T10:15:00+09:00:00\"",
          "\"2024-02-20T10:15:00+24:00\"",
          "\"\"",
          "true",
          "{}",
          "[]");

  private static final List<String> BAD_DATES =
      List.of(
          "20240220",
          "\"20240220\"",
          "\"2024-02-20T00:00:00Z\"",
          "\"2024-02-20T23:00:00+09:00\"",
          "\" 2024-02-20\"",
          "\"2024-2-20\"",
          "\"2024-02-30\"",
          "\"0000-12-31\"",
          "\"-0001-01-01\"",
          "\"+10000-01-01\"",
          "\"+999999999-12-31\"",
          "\"1999-12-31\"",
          "\"2101-01-01\"",
          "\"\"",
          "1.0",
          "[2024,2,20]",
          "{}");

  private static final List<String> BAD_FACILITY_CODES =
      List.of(
          "\"4710000001\"", // wrong check digit
          "\"471000000\"",
          "\"47100000033\"",
          "\"4810000004\"", // prefecture 48
          "\"0010000009\"",
          "\"4720000002\"", // score table 2
          "\"47100000a3\"",
          "\"１７１００００００９\"",
          "4710000003",
          "\"4710000003 \"");

  private static final List<String> WRONG_TYPES =
      List.of("0", "-1", "1.5", "1e400", "true", "false", "{}", "[]", "{\"a\":1}", "[\"x\"]");

  static final class Mutator {
    final Random random;
    private final List<String> junk;

    Mutator(Random random, List<String> junk) {
      this.random = random;
      this.junk = junk;
    }

    <T> T pick(List<T> from) {
      return from.get(random.nextInt(from.size()));
    }

    /** A string that jqwik generated, with a control character put in (so it is never valid). */
    String junkText() {
      String s = pick(junk);
      int at = random.nextInt(s.length() + 1);
      String escaped = jsonEscape(s.substring(0, at)) + "\\u0001" + jsonEscape(s.substring(at));
      return '"' + escaped + '"';
    }

    Attempt next(Endpoint e) {
      int roll = random.nextInt(100);
      if (roll < 55) {
        return fieldMutation(e);
      }
      if (roll < 65) {
        return structural(e);
      }
      if (roll < 75) {
        return broken(e);
      }
      if (roll < 83) {
        return contentType(e);
      }
      if (roll < 88 && !e.badPaths().isEmpty()) {
        // A valid body sent to a path naming nothing, or naming it wrongly.
        return json(e, "bad-path", pick(e.badPaths()), render(e.fields()));
      }
      if (roll < 93) {
        return json(e, "combined", e.path(), render(combined(e)));
      }
      return fieldMutation(e);
    }

    private List<Field> combined(Endpoint e) {
      List<Field> fields = new ArrayList<>(e.fields());
      int n = 2 + random.nextInt(2);
      for (int i = 0; i < n; i++) {
        if (fields.isEmpty()) {
          break;
        }
        int index = random.nextInt(fields.size());
        fields.set(index, badValue(fields.get(index)));
      }
      return fields;
    }

    private Attempt fieldMutation(Endpoint e) {
      List<Field> fields = new ArrayList<>(e.fields());
      int index = random.nextInt(fields.size());
      Field f = fields.get(index);
      if (f.kind() == Kind.OBJECT && random.nextBoolean()) {
        List<Field> inner = new ArrayList<>(f.fields());
        int i = random.nextInt(inner.size());
        Field mutated = badValue(inner.get(i));
        String mutation = "inner:" + f.name() + "." + mutated.name();
        if (inner.get(i).required() && random.nextInt(4) == 0) {
          inner.remove(i);
          mutation = "inner-drop:" + f.name();
        } else {
          inner.set(i, mutated);
        }
        fields.set(index, new Field(f.name(), f.kind(), null, f.required(), inner));
        return json(e, mutation, e.path(), render(fields));
      }
      Field bad = badValue(f);
      fields.set(index, bad);
      return json(e, "value:" + f.kind(), e.path(), render(fields));
    }

    /** The field with a value it never accepts. */
    private Field badValue(Field f) {
      List<String> choices = new ArrayList<>();
      switch (f.kind()) {
        case LINE, FREE -> {
          for (String t : BAD_TEXT) {
            choices.add('"' + t + '"');
          }
          choices.add('"' + "x".repeat(5_000) + '"');
          choices.add(junkText());
          if (f.kind() == Kind.LINE) {
            choices.add("\"tab\\there\"");
            choices.add("\"new\\nline\"");
          }
          if (f.required()) {
            choices.add("\"\"");
            choices.add("\"   \"");
            choices.add("null");
          }
          choices.addAll(WRONG_TYPES);
        }
        case FACILITY_CODE -> {
          choices.addAll(BAD_FACILITY_CODES);
          choices.add("null");
          choices.add("\"\"");
        }
        case DATE -> {
          choices.addAll(BAD_DATES);
          if (f.required()) {
            choices.add("null");
          }
        }
        case INSTANT -> choices.addAll(BAD_INSTANTS);
        case INT ->
            choices.addAll(
                List.of(
                    "\"1\"",
                    "1.5",
                    "0",
                    "-1",
                    "true",
                    "null",
                    "{}",
                    "[1]",
                    "1" + "0".repeat(30),
                    "1e400"));
        case ENUM ->
            choices.addAll(
                List.of(
                    "0",
                    "1",
                    "3",
                    "-1",
                    "\"0\"",
                    "\"clinic\"",
                    "\"X\"",
                    "\"\"",
                    "null",
                    "true",
                    "[\"CLINIC\"]",
                    "{}",
                    "\" DOCTOR\""));
        case ENUM_LIST ->
            choices.addAll(
                List.of(
                    "[3]",
                    "[0,1]",
                    "[\"medication\"]",
                    "[\"X\"]",
                    "[null]",
                    "[]",
                    "null",
                    "\"MEDICATION\"",
                    "3",
                    "{}",
                    "[[\"MEDICATION\"]]"));
        case BOOL -> choices.addAll(List.of("\"true\"", "1", "0", "null", "\"yes\"", "[]"));
        case OBJECT ->
            choices.addAll(List.of("\"x\"", "1", "[]", "null", "true", "{\"unknown\":1}", "\"\""));
      }
      return new Field(f.name(), f.kind(), pick(choices), f.required());
    }

    private Attempt structural(Endpoint e) {
      List<Field> fields = new ArrayList<>(e.fields());
      List<Field> required = fields.stream().filter(Field::required).toList();
      int what = random.nextInt(required.isEmpty() ? 2 : 3);
      if (what == 0) {
        int at = random.nextInt(fields.size() + 1);
        String name =
            pick(List.of("unknown", "Title", "at ", "", "__proto__", "noticeid", "x\\u0000"));
        fields.add(at, new Field(name, Kind.LINE, "\"extra\"", false));
        return json(e, "extra-field", e.path(), render(fields));
      }
      if (what == 1) {
        Field f = pick(fields);
        Field copy = new Field(f.name(), f.kind(), value(f), f.required());
        fields.add(random.nextInt(fields.size() + 1), copy);
        return json(e, "duplicate-field", e.path(), render(fields));
      }
      fields.remove(pick(required));
      return json(e, "dropped-field", e.path(), render(fields));
    }

    private Attempt broken(Endpoint e) {
      String valid = render(e.fields());
      return switch (random.nextInt(11)) {
        case 0 ->
            json(
                e,
                "truncated",
                e.path(),
                valid.substring(0, 1 + random.nextInt(valid.length() - 1)));
        case 1 ->
            json(e, "trailing", e.path(), valid + pick(List.of("{}", "x", "]", ",", "\"a\"")));
        case 2 -> json(e, "array-body", e.path(), "[" + valid + "]");
        case 3 ->
            json(
                e,
                "scalar-body",
                e.path(),
                // "null" is no body at all, which an endpoint with an optional body accepts
                pick(
                    e.bodyOptional()
                        ? List.of("1", "\"x\"", "true")
                        : List.of("null", "1", "\"x\"")));
        case 4 -> {
          byte[] bytes = new byte[2 + random.nextInt(300)];
          random.nextBytes(bytes);
          bytes[0] = '{';
          bytes[1] = 0x01; // never "{}", which some endpoints accept
          yield new Attempt(e.name(), "random-bytes", e.path(), "application/json", bytes);
        }
        case 5 -> {
          byte[] head = valid.substring(0, valid.length() - 1).getBytes(StandardCharsets.UTF_8);
          byte[] bytes = new byte[head.length + 9];
          System.arraycopy(head, 0, bytes, 0, head.length);
          byte[] tail = {',', '"', 'z', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"'};
          System.arraycopy(tail, 0, bytes, head.length, tail.length);
          yield new Attempt(e.name(), "invalid-utf8", e.path(), "application/json", bytes);
        }
        case 6 -> json(e, "deep-nesting", e.path(), "[".repeat(5_000) + "]".repeat(5_000));
        case 7 ->
            json(
                e,
                "too-large",
                e.path(),
                valid.replaceFirst("\\{", "{\"pad\":\"" + "p".repeat(70_000) + "\","));
        case 8 -> json(e, "comments", e.path(), "/* c */" + valid);
        case 9 -> json(e, "single-quotes", e.path(), valid.replace('"', '\''));
        default ->
            json(
                e,
                e.bodyOptional() ? "whitespace-junk" : "empty",
                e.path(),
                e.bodyOptional() ? " x" : "");
      };
    }

    private Attempt contentType(Endpoint e) {
      String type =
          pick(
              List.of(
                  "text/plain",
                  "application/xml",
                  "application/x-www-form-urlencoded",
                  "multipart/form-data",
                  "multipart/form-data; boundary=----x",
                  "application/octet-stream",
                  "text/csv",
                  "application/jsonx",
                  "*/*",
                  "json"));
      byte[] body = render(e.fields()).getBytes(StandardCharsets.UTF_8);
      if (random.nextInt(10) == 0) {
        body = new byte[1024 * 1024 + random.nextInt(1024)];
      }
      return new Attempt(e.name(), "content-type:" + type, e.path(), type, body);
    }

    private Attempt json(Endpoint e, String mutation, String path, String body) {
      return new Attempt(
          e.name(), mutation, path, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    /** Bad facility imports: every file has at least one bad row, so none is imported. */
    Attempt csv() {
      String header = "facilityCode,kind,name,nameKana,postalCode,address,municipalityCode,phone\n";
      String good =
          TestCodes.facilityCode('1')
              + ",CLINIC,名,メイ,900-0001,那覇市1,"
              + TestCodes.NAHA
              + ",098-000-0000\n";
      String bad =
          pick(
              List.of(
                  "4710000001,CLINIC,名,メイ,900-0001,那覇市1,472018,098-000-0000\n",
                  TestCodes.facilityCode('1') + ",CLINIC,名,メイ,900-0001,那覇市1,179990,098-000-0000\n",
                  TestCodes.facilityCode('1')
                      + ",CLINIC,名\u0000,メイ,900-0001,那覇市1,472018,098-000-0000\n",
                  TestCodes.facilityCode('1')
                      + ",CLINIC,\"名\tタブ\",メイ,900-0001,那覇市1,472018,098-000-0000\n",
                  TestCodes.facilityCode('1') + ",clinic,名,メイ,900-0001,那覇市1,472018,098-000-0000\n",
                  TestCodes.facilityCode('1') + ",CLINIC,名,メイ\n",
                  TestCodes.facilityCode('1')
                      + ",CLINIC,\"unterminated,メイ,900-0001,那覇市1,472018,098\n",
                  TestCodes.facilityCode('1')
                      + ",CLINIC,"
                      + "x".repeat(201)
                      + ",メイ,900-0001,那覇市1,472018,098-000-0000\n"));
      String text =
          random.nextInt(5) == 0
              ? "wrong,header\n" + good
              : header + (random.nextBoolean() ? good : "") + bad;
      return new Attempt(
          "facility-import",
          "csv",
          "/api/facilities/import",
          "text/csv",
          text.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String jsonEscape(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || Character.isSurrogate(c) || c > 0x7e) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
