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
import jp.emergencyaccess.ledger.support.Ministry;
import jp.emergencyaccess.ledger.support.TestCodes;
import jp.emergencyaccess.ledger.web.RequestMutations.Attempt;
import jp.emergencyaccess.ledger.web.RequestMutations.Endpoint;
import jp.emergencyaccess.ledger.web.RequestMutations.Field;
import jp.emergencyaccess.ledger.web.RequestMutations.Kind;
import jp.emergencyaccess.ledger.web.RequestMutations.Mutator;
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
    Ministry ministry = new Ministry(api());
    noticeId = ministry.issuesNotice("fuzz", "2024-01-02", "fuzz fixture");
    region = TestCodes.okinawaMunicipality();
    ministry.activates(region, "2024-01-01", "2024-12-31", noticeId);
    ministry.registers(facility, "CLINIC", "ファズ診療所", TestCodes.NAHA);
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
      return RequestMutations.render(fields).replace("$FACILITY", facility);
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
