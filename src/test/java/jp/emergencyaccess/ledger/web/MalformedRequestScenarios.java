package jp.emergencyaccess.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.HttpTest;
import jp.emergencyaccess.ledger.support.TestCodes;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Test;

/**
 * Generated malformed requests over real HTTP against every POST endpoint that takes a body:
 * mutations of a valid body (dropped, extra and duplicated fields, wrong types, boundary strings,
 * bad codes, ids and dates), broken and oversized bodies, wrong content types. Every mutation makes
 * the request invalid on its own, so every answer must be a 4xx problem+json, and the store's head
 * and the read models must be as they were. Prints the answers counted by status.
 */
abstract class MalformedRequestScenarios extends HttpTest {
  /** How many requests to send; {@code -Dledger.fuzz.requests} overrides it. */
  protected int requests() {
    return Integer.getInteger("ledger.fuzz.requests", 10_000);
  }

  static final long SEED = Long.getLong("ledger.fuzz.seed", 20261203L);
  private static final String AT = "2024-06-01T10:00:00+09:00";

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

  private static Field line(String name, String value, boolean required) {
    return new Field(name, Kind.LINE, quote(value), required);
  }

  private static Field free(String name, String value, boolean required) {
    return new Field(name, Kind.FREE, quote(value), required);
  }

  private static Field of(String name, Kind kind, String json, boolean required) {
    return new Field(name, kind, json, required);
  }

  private static String quote(String value) {
    return '"' + value + '"';
  }

  private String facilityAccount;
  private String facility;
  private String region;
  private String noticeId;
  private String applicationId;
  private String consentId;
  private String inquiryId;

  /**
   * A notice, a region activated under it, a facility with an application and a consent, an
   * inquiry.
   */
  private void recordTheFixture() {
    facilityAccount = TestCodes.facilityAccount();
    facility = TestCodes.facilityCodeOf(facilityAccount);
    Api clinic = api().as(facilityAccount);
    noticeId = TestCodes.noticeId("fuzz");
    ok(
        mhlw()
            .post(
                "/api/notices",
                Map.of(
                    "noticeId",
                    noticeId,
                    "series",
                    TestCodes.series(),
                    "revision",
                    1,
                    "issuedOn",
                    "2024-01-02",
                    "title",
                    "fuzz fixture")));
    region = TestCodes.okinawaMunicipality();
    ok(
        mhlw()
            .post(
                "/api/regions/" + region + "/activate",
                Map.of("from", "2024-01-01", "until", "2024-12-31", "noticeId", noticeId)));
    ok(
        mhlw()
            .post(
                "/api/facilities",
                Map.of(
                    "facilityCode", facility,
                    "kind", "CLINIC",
                    "name", "ファズ診療所",
                    "nameKana", "ファズシンリョウジョ",
                    "postalCode", "900-0001",
                    "address", "沖縄県那覇市1-1",
                    "municipalityCode", TestCodes.NAHA,
                    "phone", "098-000-0000")));
    applicationId =
        ok(clinic.post("/api/applications", application().json(facility)))
            .json()
            .get("applicationId")
            .asText();
    consentId =
        ok(clinic.post("/api/consents", consent().json(facility))).json().get("consentId").asText();
    inquiryId =
        ok(fund()
                .post("/api/inquiries", Map.of("facilityCode", facility, "reason", "fuzz fixture")))
            .json()
            .get("inquiryId")
            .asText();
  }

  private static Api.Reply ok(Api.Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isBetween(200, 299);
    return reply;
  }

  /** Valid bodies as field lists; {@code json(facility)} renders one for a facility code. */
  private record Body(List<Field> fields) {
    String json(String facility) {
      return render(fields).replace("$FACILITY", facility);
    }
  }

  private static Body application() {
    return new Body(
        List.of(
            of("facilityCode", Kind.FACILITY_CODE, "\"$FACILITY\"", true),
            of("kind", Kind.ENUM, "\"CLINIC\"", true),
            line("name", "ファズ診療所", true),
            line("nameKana", "ファズシンリョウジョ", true),
            line("postalCode", "900-0001", true),
            line("address", "沖縄県那覇市1-1", true),
            line("phone", "098-000-0000", true),
            free("reason", "避難者の\\n服薬情報の確認", true),
            of("requestedFrom", Kind.DATE, "\"2024-03-01\"", true),
            of("requestedUntil", Kind.DATE, "\"2024-03-31\"", true),
            new Field(
                "attestations",
                Kind.OBJECT,
                null,
                true,
                List.of(
                    of("medicalCareOnly", Kind.BOOL, "true", true),
                    of("authorizedViewersOnly", Kind.BOOL, "true", true),
                    of("sanctionsAcknowledged", Kind.BOOL, "true", true))),
            new Field(
                "applicant",
                Kind.OBJECT,
                null,
                true,
                List.of(line("name", "沖縄 花子", true), line("address", "沖縄県那覇市2-2", true))),
            line("clientId", "fuzz-application", false),
            of("at", Kind.INSTANT, quote(AT), false)));
  }

  private static Body consent() {
    return new Body(
        List.of(
            line("requestId", "fuzz-consent", false),
            of("facilityCode", Kind.FACILITY_CODE, "\"$FACILITY\"", true),
            line("patientId", "P-FUZZ-1", true),
            of("basis", Kind.ENUM, "\"ORAL\"", true),
            of("identification", Kind.ENUM, "\"INSURED_NUMBER\"", true),
            line("recordedBy", "nurse-1", true),
            of("at", Kind.INSTANT, quote(AT), false)));
  }

  private List<Endpoint> endpoints() {
    Api clinic = api().as(facilityAccount);
    Field at = of("at", Kind.INSTANT, quote(AT), false);
    Field notice = line("noticeId", noticeId, true);
    List<String> badRegions = List.of("179990", "17999", "1799900", "abcdef", "000000");
    List<String> badInquiries =
        List.of("inq-00000000-0000-0000-0000-000000000000", "x", "inq-" + "0".repeat(200));
    List<String> badApplications =
        List.of("00000000-0000-0000-0000-000000000000", "not-a-uuid", "%20");
    String inquiry = "/api/inquiries/" + inquiryId;
    List<Endpoint> all = new ArrayList<>();
    all.add(
        new Endpoint(
            "notice",
            mhlw(),
            "/api/notices",
            List.of(
                line("noticeId", "fuzz-never", true),
                line("series", "fuzz-never", true),
                of("revision", Kind.INT, "1", true),
                of("issuedOn", Kind.DATE, "\"2024-02-01\"", true),
                line("title", "fuzz", true),
                free("confirmation", "ok\\n\\tok", false)),
            false,
            List.of()));
    all.add(
        new Endpoint(
            "region-activate",
            mhlw(),
            "/api/regions/" + TestCodes.okinawaMunicipality() + "/activate",
            List.of(
                of("from", Kind.DATE, "\"2024-01-01\"", true),
                of("until", Kind.DATE, "\"2024-01-31\"", true),
                notice,
                at),
            false,
            badRegions.stream().map(r -> "/api/regions/" + r + "/activate").toList()));
    all.add(
        new Endpoint(
            "region-extend",
            mhlw(),
            "/api/regions/" + region + "/extend",
            List.of(of("until", Kind.DATE, "\"2025-01-31\"", true), notice, at),
            false,
            badRegions.stream().map(r -> "/api/regions/" + r + "/extend").toList()));
    all.add(
        new Endpoint(
            "region-end",
            mhlw(),
            "/api/regions/" + region + "/end",
            List.of(of("lastDay", Kind.DATE, "\"2024-06-30\"", true), notice, at),
            false,
            badRegions.stream().map(r -> "/api/regions/" + r + "/end").toList()));
    all.add(
        new Endpoint(
            "facility-register",
            mhlw(),
            "/api/facilities",
            List.of(
                of("facilityCode", Kind.FACILITY_CODE, quote(TestCodes.facilityCode('1')), true),
                of("kind", Kind.ENUM, "\"CLINIC\"", true),
                line("name", "名前", true),
                line("nameKana", "ナマエ", true),
                line("postalCode", "900-0001", true),
                line("address", "沖縄県那覇市3-3", true),
                line("municipalityCode", TestCodes.NAHA, true),
                line("phone", "098-000-0001", true),
                at),
            false,
            List.of()));
    all.add(
        new Endpoint(
            "facility-extend",
            mhlw(),
            "/api/facilities/" + facility + "/extend",
            List.of(
                of("until", Kind.DATE, "\"2024-04-30\"", true),
                line("applicationId", applicationId, true),
                at),
            false,
            List.of("/api/facilities/4710000000/extend", "/api/facilities/x/extend")));
    all.add(
        new Endpoint(
            "application-submit",
            clinic,
            "/api/applications",
            withFacility(application().fields()),
            false,
            List.of()));
    all.add(
        new Endpoint(
            "application-approve",
            mhlw(),
            "/api/applications/" + applicationId + "/approve",
            List.of(
                of("from", Kind.DATE, "\"2024-03-01\"", true),
                of("until", Kind.DATE, "\"2024-03-31\"", true),
                at),
            false,
            badApplications.stream().map(a -> "/api/applications/" + a + "/approve").toList()));
    all.add(
        new Endpoint(
            "application-reject",
            mhlw(),
            "/api/applications/" + applicationId + "/reject",
            List.of(free("reason", "不備\\nあり", true), at),
            false,
            badApplications.stream().map(a -> "/api/applications/" + a + "/reject").toList()));
    all.add(
        new Endpoint(
            "consent-record",
            clinic,
            "/api/consents",
            withFacility(consent().fields()),
            false,
            List.of()));
    all.add(
        new Endpoint(
            "consent-withdraw",
            clinic,
            "/api/consents/" + consentId + "/withdraw",
            List.of(at),
            true,
            List.of("/api/consents/x/withdraw")));
    all.add(
        new Endpoint(
            "view",
            clinic,
            "/api/views",
            List.of(
                line("requestId", "fuzz-view", false),
                of("facilityCode", Kind.FACILITY_CODE, quote(facility), true),
                line("viewerId", "dr-1", true),
                of("viewerRole", Kind.ENUM, "\"DOCTOR\"", true),
                line("patientId", "P-FUZZ-1", true),
                of("categories", Kind.ENUM_LIST, "[\"MEDICATION\",\"CLINICAL\"]", true),
                line("consentId", consentId, false),
                at),
            false,
            List.of()));
    all.add(
        new Endpoint(
            "inquiry-open",
            fund(),
            "/api/inquiries",
            List.of(
                of("facilityCode", Kind.FACILITY_CODE, quote(facility), true),
                free("reason", "多数の\\n照会", true),
                line("clientId", "fuzz-inquiry", false),
                at),
            false,
            List.of()));
    for (String action : List.of("suspend", "stop")) {
      all.add(
          new Endpoint(
              "inquiry-" + action,
              fund(),
              inquiry + "/" + action,
              List.of(free("reason", "理由", true), at),
              false,
              badInquiries.stream().map(i -> "/api/inquiries/" + i + "/" + action).toList()));
    }
    for (String action : List.of("publish-name", "resume")) {
      all.add(
          new Endpoint(
              "inquiry-" + action,
              fund(),
              inquiry + "/" + action,
              List.of(at),
              false,
              badInquiries.stream().map(i -> "/api/inquiries/" + i + "/" + action).toList()));
    }
    all.add(
        new Endpoint(
            "inquiry-report",
            fund(),
            inquiry + "/facility-report",
            List.of(free("summary", "報告", true), at),
            false,
            List.of()));
    all.add(
        new Endpoint(
            "inquiry-improvement",
            fund(),
            inquiry + "/improvement-request",
            List.of(of("dueOn", Kind.DATE, "\"2024-07-01\"", true), at),
            false,
            List.of()));
    all.add(
        new Endpoint(
            "inquiry-close",
            fund(),
            inquiry + "/close",
            List.of(
                of("finding", Kind.ENUM, "\"NO_VIOLATION\"", true),
                free("summary", "結論", true),
                at),
            false,
            badInquiries.stream().map(i -> "/api/inquiries/" + i + "/close").toList()));
    return all;
  }

  private List<Field> withFacility(List<Field> fields) {
    return fields.stream()
        .map(
            f ->
                f.json() != null && f.json().contains("$FACILITY")
                    ? new Field(
                        f.name(), f.kind(), f.json().replace("$FACILITY", facility), f.required())
                    : f)
        .toList();
  }

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

  private static String value(Field f) {
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

  private final class Mutator {
    private final Random random;
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

  // ---- the run ----------------------------------------------------------------------------

  /** What the refused requests must leave as it was: the store's head and the read models. */
  private Map<String, Object> state() {
    Map<String, Object> state = new TreeMap<>();
    state.put(
        "head", jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class));
    for (String table :
        List.of(
            "notice",
            "activation_change",
            "facility",
            "application",
            "consent",
            "facility_service_change",
            "inquiry",
            "inquiry_event",
            "access_attempt")) {
      state.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
    }
    state.put("region", mhlw().get("/api/regions/" + region).text());
    state.put("application", mhlw().get("/api/applications/" + applicationId).text());
    // Without the service status's "at", which is the time of asking.
    state.put(
        "inquiry",
        fund()
            .get("/api/inquiries/" + inquiryId)
            .text()
            .replaceAll("(\"serviceStatus\":\\{\"status\":\"[A-Z_]+\",\"at\":)\"[^\"]*\"", "$1"));
    state.put("notice", mhlw().get("/api/notices/" + noticeId).text());
    state.put("activation", monitor().get("/api/activation?at=2024-06-01T00:00:00%2B09:00").text());
    return state;
  }

  /** Waits until the asynchronous access history has read every event (no count changes). */
  private void settle() throws InterruptedException {
    long last = -1;
    for (int i = 0; i < 100; i++) {
      long now = jdbc.queryForObject("select count(*) from access_attempt", Long.class);
      if (now == last) {
        return;
      }
      last = now;
      Thread.sleep(300);
    }
  }

  @Test
  void generatedMalformedRequests_areAllRefusedAsProblems_andRecordNothing() throws Exception {
    recordTheFixture();
    List<Endpoint> endpoints = endpoints();
    settle();
    Map<String, Object> before = state();

    Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
    Map<String, LongAdder> byEndpoint = new ConcurrentHashMap<>();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    AtomicInteger sent = new AtomicInteger();
    int threads = 4;
    long started = System.nanoTime();
    List<String> junk = junkStrings(new Random(SEED));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int t = 0; t < threads; t++) {
        long seed = SEED + t;
        pool.submit(
            () -> {
              Mutator mutator = new Mutator(new Random(seed), junk);
              while (sent.getAndIncrement() < requests()) {
                Attempt a;
                Api as;
                try {
                  a =
                      mutator.random.nextInt(40) == 0
                          ? mutator.csv()
                          : mutator.next(mutator.pick(endpoints));
                  String name = a.endpoint();
                  as =
                      name.equals("facility-import")
                          ? mhlw()
                          : endpoints.stream()
                              .filter(e -> e.name().equals(name))
                              .findFirst()
                              .orElseThrow()
                              .as();
                } catch (RuntimeException e) {
                  byStatus.computeIfAbsent(-2, s -> new LongAdder()).increment();
                  failures.add("generating a request failed: " + e);
                  continue;
                }
                try {
                  HttpRequest.Builder request =
                      as.request(a.path()).POST(HttpRequest.BodyPublishers.ofByteArray(a.body()));
                  if (a.type() != null) {
                    request.header("Content-Type", a.type());
                  }
                  Api.Reply reply = as.send(request);
                  byStatus.computeIfAbsent(reply.status(), s -> new LongAdder()).increment();
                  byEndpoint.computeIfAbsent(a.endpoint(), s -> new LongAdder()).increment();
                  boolean refused = reply.status() >= 400 && reply.status() < 500;
                  boolean problem = reply.contentType().startsWith("application/problem+json");
                  // A denied lookup is recorded: a request must not get that far.
                  boolean recordedDenial = reply.text().contains("/problems/view-denied");
                  if (!refused || !problem || recordedDenial) {
                    failures.add(
                        a.endpoint()
                            + " "
                            + a.mutation()
                            + " "
                            + a.path()
                            + " ["
                            + a.type()
                            + "] "
                            + preview(a.body())
                            + " -> "
                            + reply.status()
                            + " "
                            + reply.contentType()
                            + " "
                            + preview(reply.text().getBytes(StandardCharsets.UTF_8)));
                  }
                } catch (RuntimeException e) {
                  byStatus.computeIfAbsent(-1, s -> new LongAdder()).increment();
                  failures.add(a.endpoint() + " " + a.mutation() + " -> " + e);
                }
              }
            });
      }
      pool.shutdown();
      assertThat(pool.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
    } finally {
      pool.shutdownNow();
    }
    long seconds = (System.nanoTime() - started) / 1_000_000_000;
    Map<Integer, Long> counts = new TreeMap<>();
    byStatus.forEach((s, n) -> counts.put(s, n.sum()));
    Map<String, Long> perEndpoint = new TreeMap<>();
    byEndpoint.forEach((s, n) -> perEndpoint.put(s, n.sum()));
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    System.out.println(
        "[fuzz] "
            + getClass().getSimpleName()
            + ": "
            + total
            + " malformed requests in "
            + seconds
            + " s (seed "
            + SEED
            + "), by status "
            + counts
            + ", by endpoint "
            + perEndpoint);

    assertThat(failures).as("answers that were not a 4xx problem+json").isEmpty();
    assertThat(total).isGreaterThanOrEqualTo(requests());
    settle();
    assertThat(state()).as("the store and the read models").isEqualTo(before);
  }

  /**
   * Strings of any code points (jqwik's generator, edge cases included), made once: a jqwik session
   * belongs to one thread, the requests are sent from several.
   */
  private static List<String> junkStrings(Random random) {
    JqwikSession.start();
    try {
      Arbitrary<String> strings = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(40);
      List<String> made = new ArrayList<>();
      for (int i = 0; i < 2_000; i++) {
        made.add(strings.generator(100, true).next(random).value());
      }
      return made;
    } finally {
      JqwikSession.finish();
    }
  }

  private static String preview(byte[] bytes) {
    String s = new String(bytes, 0, Math.min(bytes.length, 300), StandardCharsets.UTF_8);
    return bytes.length > 300 ? s + "…(" + bytes.length + " bytes)" : s;
  }
}
