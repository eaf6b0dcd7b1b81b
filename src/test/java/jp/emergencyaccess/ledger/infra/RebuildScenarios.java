package jp.emergencyaccess.ledger.infra;

import static jp.emergencyaccess.ledger.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Blob;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.emergencyaccess.ledger.LedgerApplication;
import jp.emergencyaccess.ledger.activation.NoticeSeriesLoader;
import jp.emergencyaccess.ledger.demo.DemoPlan;
import jp.emergencyaccess.ledger.facility.ApplicationIds;
import jp.emergencyaccess.ledger.support.Api;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The {@code rebuild} task on a demo-sized store (the demo loader with a small lookup count, plus
 * inquiries, a suspension and lookups over HTTP): every query answer is the same after it, a
 * rebuild that fails half-way changes no table, and a ledger does not start on a rebuild that was
 * cut off. The ledger and the task run as they do in production, one after the other on the same
 * store, each in its own Spring context; run on H2 and on PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class RebuildScenarios {
  /** A small demo by default; {@code -Drebuild.test-lookups=32000} rebuilds the full demo. */
  private static final int LOOKUPS = Integer.getInteger("rebuild.test-lookups", 400);

  private static final String CLINIC = "1719000018";
  private static final String DEMO_CLINIC = "demo-clinic";

  private Path dataDir;
  private Map<String, String> answers;
  private Map<String, String> lookups;
  private Map<String, List<String>> tables;
  private long storedEvents;

  /** The store's settings (data directory, or a datasource) and profiles, besides demo/test. */
  protected abstract List<String> store(Path dataDir);

  protected abstract String[] profiles();

  private List<String> args(String... more) {
    List<String> args = new ArrayList<>(store(dataDir));
    args.add("--spring.profiles.active=" + String.join(",", profiles()));
    args.add("--ledger.demo.lookups=" + LOOKUPS);
    args.add("--ledger.demo.threads=2");
    args.add("--logging.level.root=WARN");
    args.add("--spring.main.banner-mode=off");
    args.addAll(List.of(more));
    return args;
  }

  private ConfigurableApplicationContext startLedger(boolean loadDemo) {
    return new SpringApplicationBuilder(LedgerApplication.class)
        .run(
            args("--server.port=0", "--ledger.demo.load-on-start=" + loadDemo)
                .toArray(String[]::new));
  }

  private static Api api(ConfigurableApplicationContext context) {
    int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    return Api.at(port);
  }

  @BeforeAll
  void loadTheDemoAndRecordTheAnswers() throws Exception {
    dataDir = Files.createTempDirectory(Path.of("target"), "rebuild-");
    try (var ledger = startLedger(true)) {
      Api api = api(ledger);
      investigate(api);
      lookups = lookups(api, "before");
      recordAnswers(ledger);
      tables = tables(ledger.getBean(JdbcTemplate.class));
    }
    assertThat(storedEvents).isGreaterThan(LOOKUPS);
    assertThat(answers).hasSizeGreaterThan(500);
    assertThat(answers.get("/api/alerts?facility=" + CLINIC))
        .contains("\"ESCALATED\"")
        .contains("\"DISMISSED\"");
    assertThat(answers.get("/api/facilities/" + CLINIC + "/reviews")).contains("ISSUES_FOUND");
  }

  /** Once every processor has caught up: the answers, and how many events the store holds. */
  private void recordAnswers(ConfigurableApplicationContext ledger) {
    JdbcTemplate jdbc = ledger.getBean(JdbcTemplate.class);
    settle(api(ledger), jdbc);
    answers = answers(api(ledger));
    // Each read of an access history is itself recorded (workbench.AuditorsLog): let the tracking
    // processors and the chain take those events in too before the tables are compared.
    settle(api(ledger), jdbc);
    storedEvents = jdbc.queryForObject("select count(*) from domainevententry", Long.class);
  }

  @Test
  @Order(1)
  void aRebuildThatFailsHalfWay_changesNoTable_andTheLedgerAnswersAsBefore() {
    var refused = new ByteArrayOutputStream();
    assertThatThrownBy(() -> rebuild(refused, "--test.rebuild.unresettable=true"))
        .isInstanceOf(ProjectionRebuild.NotResettable.class)
        .hasMessageContaining("notices: " + UnresettableReadModel.class.getName());
    assertThat(refused.toString(StandardCharsets.UTF_8)).doesNotContain("rebuilding");

    long failAt = storedEvents - 3;
    var output = new ByteArrayOutputStream();
    assertThatThrownBy(() -> rebuild(output, "--test.rebuild.fail-at-event=" + failAt))
        .hasStackTraceContaining("injected failure at event " + failAt);
    String printed = output.toString(StandardCharsets.UTF_8);
    assertThat(printed)
        .contains("rebuild FAILED at event " + failAt)
        .contains("injected failure at event " + failAt + "; rolled back");
    assertThat(printed).contains("  1000 events replayed");

    assertThat(tablesNow()).isEqualTo(tables);
    try (var ledger = startLedger(false)) {
      Api api = api(ledger);
      assertSameAnswers(answers(api));
      assertThat(lookups(api, "after-failed-rebuild")).isEqualTo(lookups);
      recordAnswers(ledger);
    }
  }

  @Test
  @Order(2)
  void aRebuildReplaysEveryEvent_andEveryAnswerIsTheSame() {
    var output = new ByteArrayOutputStream();
    long started = System.nanoTime();
    rebuild(output);
    double seconds = (System.nanoTime() - started) / 1e9;
    String printed = output.toString(StandardCharsets.UTF_8);
    assertThat(printed)
        .contains(
            "rebuilding activation-log, alerts, applications, consents, facilities, inquiries, notices")
        .contains("done: " + storedEvents + " events replayed");
    try (var ledger = startLedger(false)) {
      Api api = api(ledger);
      Map<String, String> after = answers(api);
      assertSameAnswers(after);
      assertThat(lookups(api, "after-rebuild")).isEqualTo(lookups);
      String done = printed.lines().filter(l -> l.startsWith("done: ")).findFirst().orElseThrow();
      System.out.printf(
          "rebuild on %s: \"%s\"; the task took %.1f s (context start included);"
              + " %d query answers and %d lookup decisions compared, all equal%n",
          getClass().getSimpleName(), done, seconds, after.size(), lookups.size());
      recordAnswers(ledger);
    }
  }

  @Test
  @Order(3)
  void aLedgerDoesNotStartOnARebuildThatWasCutOff_untilARebuildHasFinished() throws Exception {
    Process child =
        new ProcessBuilder(childCommand(args("--test.rebuild.halt-at-event=" + storedEvents / 2)))
            .redirectErrorStream(true)
            .start();
    var output = new ByteArrayOutputStream();
    Thread reader =
        new Thread(
            () -> {
              try {
                child.getInputStream().transferTo(output);
              } catch (java.io.IOException e) {
                // the child is gone; what it printed so far is kept
              }
            });
    reader.start();
    boolean ended = child.waitFor(5, java.util.concurrent.TimeUnit.MINUTES);
    if (!ended) {
      child.destroyForcibly().waitFor();
    }
    reader.join();
    String printed = output.toString(StandardCharsets.UTF_8);
    assertThat(ended).as("the rebuild JVM ended: " + printed).isTrue();
    assertThat(child.exitValue()).as(printed).isEqualTo(137);
    assertThat(printed).contains("halting at event");

    assertThatThrownBy(() -> startLedger(false).close())
        .hasStackTraceContaining("a rebuild started at")
        .hasStackTraceContaining("java -jar emergency-access-ledger.jar rebuild");

    rebuild(new ByteArrayOutputStream());
    try (var ledger = startLedger(false)) {
      assertSameAnswers(answers(api(ledger)));
    }
  }

  /** The answers differ nowhere: the paths whose answer differs, with both answers, else none. */
  private void assertSameAnswers(Map<String, String> now) {
    assertThat(now.keySet()).isEqualTo(answers.keySet());
    List<String> differing = new ArrayList<>();
    answers.forEach(
        (path, before) -> {
          if (!before.equals(now.get(path))) {
            differing.add(path + "\n  before: " + before + "\n  now:    " + now.get(path));
          }
        });
    assertThat(differing).as("answers that differ").isEmpty();
  }

  private List<String> childCommand(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-Duser.timezone=UTC");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(LedgerApplication.class.getName());
    command.add("rebuild");
    command.addAll(args);
    return command;
  }

  /** Runs {@code rebuild} as {@code main} does, its printed progress into {@code output}. */
  private void rebuild(ByteArrayOutputStream output, String... more) {
    List<String> args = new ArrayList<>(List.of("rebuild"));
    args.addAll(args(more));
    PrintStream original = System.out;
    System.setOut(new PrintStream(output, true, StandardCharsets.UTF_8));
    try {
      assertThat(CommandLine.run(LedgerApplication.class, args.toArray(String[]::new))).isTrue();
    } finally {
      System.setOut(original);
    }
  }

  /** The tables, read over a plain connection while no ledger runs. */
  private Map<String, List<String>> tablesNow() {
    var store = new SingleConnectionDataSource(jdbcUrl(dataDir), user(), password(), true);
    try {
      return tables(new JdbcTemplate(store));
    } finally {
      store.destroy();
    }
  }

  protected abstract String jdbcUrl(Path dataDir);

  protected abstract String user();

  protected abstract String password();

  /** Inquiries into two demo facilities: one suspended for a week and resumed, one closed. */
  private static void investigate(Api api) {
    Api fund = api.as("fund");
    String first = opened(fund, CLINIC, "2024-02-21T09:00:00+09:00");
    accepted(fund, first, "suspend", Map.of("reason", "30 lookups in a day", "at", at("02-22")));
    accepted(fund, first, "facility-report", Map.of("summary", "explained", "at", at("02-24")));
    accepted(fund, first, "resume", Map.of("at", at("02-28")));
    String second = opened(fund, "1519004814", "2024-03-01T09:00:00+09:00");
    accepted(fund, second, "improvement-request", Map.of("dueOn", "2024-03-31", "at", at("03-02")));
    accepted(fund, second, "publish-name", Map.of("at", at("03-03")));
    accepted(fund, second, "close", Map.of("finding", "VIOLATION", "summary", "no consent"));
    triage(api);
    var reviewed =
        fund.post(
            "/api/reviews",
            Map.of(
                "facilityCode", CLINIC,
                "from", "2024-02-01",
                "to", "2024-02-29",
                "finding", "ISSUES_FOUND",
                "note", "2/21 の拒否と繰り返し照会を確認",
                "at", at("03-03")));
    assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(201);
  }

  /**
   * Two alerts of the demo clinic on 21 Feb (one patient looked up 6 times, one viewer's 5
   * denials), raised from lookups over HTTP; the first escalated into the clinic's open inquiry,
   * the second dismissed, so the queue holds both end states.
   */
  private static void triage(Api api) {
    Api clinic = api.as(DEMO_CLINIC);
    String consentId =
        consent(clinic, "rebuild-consent-2", "rebuild-patient-2", "2024-02-21T08:00:00+09:00");
    for (int i = 0; i < 11; i++) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("requestId", "rebuild-alert-" + i);
      body.put("facilityCode", CLINIC);
      body.put("viewerId", i < 6 ? "dr-repeat" : "dr-probe");
      body.put("viewerRole", "DOCTOR");
      body.put("patientId", i < 6 ? "rebuild-patient-2" : "rebuild-patient-x" + i);
      body.put("categories", List.of("MEDICATION"));
      if (i < 6) {
        body.put("consentId", consentId);
      }
      body.put("at", String.format("2024-02-21T09:%02d:00+09:00", i * 3));
      var reply = clinic.post("/api/views", body);
      assertThat(reply.status()).as(reply.toString()).isEqualTo(i < 6 ? 201 : 403);
    }
    Api fund = api.as("fund");
    eventually(
        "two alerts of the demo clinic",
        () ->
            fund.get("/api/alerts?facility=" + CLINIC + "&from=2024-02-21&to=2024-02-21")
                    .json()
                    .get("items")
                    .size()
                == 2);
    JsonNode alerts =
        fund.get("/api/alerts?facility=" + CLINIC + "&from=2024-02-21&to=2024-02-21")
            .json()
            .get("items");
    String repeated = alerts.get(0).get("alertId").asText();
    String denials = alerts.get(1).get("alertId").asText();
    triaged(fund, repeated, "take", Map.of("at", at("03-01")));
    triaged(fund, repeated, "escalate", Map.of("at", at("03-02")));
    triaged(fund, denials, "take", Map.of("at", at("03-01")));
    triaged(
        fund,
        denials,
        "dismiss",
        Map.of("reason", "DISASTER_RESPONSE", "note", "地震対応", "at", at("03-02")));
  }

  private static void triaged(Api fund, String alert, String step, Map<String, ?> body) {
    var reply = fund.post("/api/alerts/" + alert + "/" + step, body);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
  }

  private static String at(String monthDay) {
    return "2024-" + monthDay + "T10:00:00+09:00";
  }

  private static String opened(Api fund, String facility, String at) {
    var reply =
        fund.post("/api/inquiries", Map.of("facilityCode", facility, "reason", "r", "at", at));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json().get("inquiryId").asText();
  }

  private static void accepted(Api fund, String inquiry, String measure, Map<String, ?> body) {
    var reply = fund.post("/api/inquiries/" + inquiry + "/" + measure, body);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
  }

  /**
   * New lookups by the demo clinic (new request ids each run): with a consent recorded in the first
   * run, while active, while suspended, after the resume, after the period; without consent. The
   * answers without their ids are what the read models decided.
   */
  private static Map<String, String> lookups(Api api, String run) {
    Api clinic = api.as(DEMO_CLINIC);
    String consentId = consentOnce(clinic);
    Map<String, String> decisions = new TreeMap<>();
    for (String day : List.of("02-20", "02-25", "03-05", "03-10")) {
      for (String consent : new String[] {consentId, null}) {
        Map<String, Object> body = new LinkedHashMap<>();
        String key = day + (consent == null ? " without consent" : " with consent");
        body.put("requestId", "rebuild-" + run + "-" + key.replace(' ', '-'));
        body.put("facilityCode", CLINIC);
        body.put("viewerId", "dr-rebuild");
        body.put("viewerRole", "DOCTOR");
        body.put("patientId", "rebuild-patient-1");
        body.put("categories", List.of("MEDICATION"));
        if (consent != null) {
          body.put("consentId", consent);
        }
        body.put("at", at(day));
        var reply = clinic.post("/api/views", body);
        assertThat(reply.status()).as(reply.toString()).isIn(201, 403);
        ObjectNode answer = (ObjectNode) reply.json();
        answer.remove(List.of("viewId", "requestId", "recordedAt", "replayed"));
        decisions.put(key, reply.status() + " " + answer);
      }
    }
    assertThat(decisions.get("02-20 with consent")).startsWith("201");
    assertThat(decisions.get("02-25 with consent")).contains("FACILITY_SUSPENDED");
    assertThat(decisions.get("03-10 with consent")).contains("NOT_ACTIVATED");
    return decisions;
  }

  private static String consentOnce(Api clinic) {
    return consent(clinic, "rebuild-consent-1", "rebuild-patient-1", "2024-02-19T10:00:00+09:00");
  }

  /** An oral consent recorded by the demo clinic (the same again under its request id). */
  private static String consent(Api clinic, String requestId, String patientId, String at) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("requestId", requestId);
    body.put("facilityCode", CLINIC);
    body.put("patientId", patientId);
    body.put("basis", "ORAL");
    body.put("identification", "INSURED_NUMBER");
    body.put("recordedBy", "nurse Noto");
    body.put("at", at);
    var reply = clinic.post("/api/consents", body);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json().get("consentId").asText();
  }

  /**
   * Waits until the tracking processors, the chain and its checkpoints have reached the head. The
   * access history raises alerts (events of their own, workbench.AlertJudge), so the head is read
   * again until the processors reach it without it moving on.
   */
  private static void settle(Api api, JdbcTemplate jdbc) {
    long head;
    long reached;
    do {
      reached = jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class);
      processorsReach(api, reached);
      head = jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class);
    } while (head != reached);
    long stable = head;
    eventually(
        "the chain is checkpointed at " + stable,
        () ->
            Long.valueOf(stable)
                .equals(
                    jdbc.queryForObject(
                        "select max(position) from integrity_checkpoint", Long.class)));
  }

  private static void processorsReach(Api api, long head) {
    Api mhlw = api.as("mhlw");
    eventually(
        "the processors reach " + head,
        () -> {
          JsonNode all = mhlw.get("/api/admin/processors").json();
          for (JsonNode p : all) {
            if (p.get("position").isNull() || p.get("position").asLong() < head) {
              return false;
            }
          }
          return true;
        });
  }

  /** Every query answer the demo store gives, by path. */
  private static Map<String, String> answers(Api api) {
    Api mhlw = api.as("mhlw");
    Api fund = api.as("fund");
    List<String> paths = new ArrayList<>();
    paths.add("/api/notices");
    paths.add("/api/notices/noto-2024-ext-8");
    paths.add("/api/notices/noto-2024-ext-8/diff");
    for (String day : List.of("01-01", "01-03", "01-10", "02-01", "02-20", "03-07", "03-08")) {
      paths.add("/api/activation?at=2024-" + day);
      paths.add("/api/activation/check?region=172022&at=2024-" + day);
      paths.add("/api/activation/check?facility=" + CLINIC + "&at=2024-" + day);
      paths.add("/api/activation/check?facility=1519004814&at=2024-" + day);
    }
    paths.add("/api/activation/check?facility=1519004814&at=2024-03-10");
    paths.add("/api/activation/check?facility=" + CLINIC + "&at=2024-03-10");
    paths.add("/api/activation?at=2024-02-20&revision=noto-2024-ext-2-7");
    paths.add("/api/regions/172022");
    paths.add("/api/regions/172022/timeline");
    paths.add("/api/facilities/individually-activated");
    paths.add("/api/facilities/published-names");
    DemoPlan plan = DemoPlan.make(NoticeSeriesLoader.read(NoticeSeriesLoader.NOTO_2024), LOOKUPS);
    plan.facilities().forEach(f -> paths.add("/api/facilities/" + f.code()));
    plan.applications()
        .forEach(
            a ->
                paths.add(
                    "/api/applications/"
                        + ApplicationIds.forSubmission(a.facilityCode(), a.clientId())));
    paths.add("/api/facilities/" + CLINIC + "/accesses");
    paths.add("/api/facilities/" + CLINIC + "/accesses?flag=REPEATED_PATIENT");
    paths.add("/api/facilities/" + CLINIC + "/accesses?decision=DENIED");
    // The workbench: the queue (every status), each alert, and the ranking of Ishikawa's
    // facilities.
    paths.add("/api/alerts?limit=500");
    paths.add("/api/alerts?status=ESCALATED");
    paths.add("/api/alerts?facility=" + CLINIC);
    for (JsonNode alert : mhlw.get("/api/alerts?limit=500").json().get("items")) {
      paths.add("/api/alerts/" + alert.get("alertId").asText());
    }
    paths.add("/api/rankings?prefecture=17&from=2024-01-01&to=2024-03-31");
    paths.add("/api/facilities/" + CLINIC + "/reviews");
    Map<String, String> answers = new LinkedHashMap<>();
    for (String path : paths) {
      answers.put(path, ok(mhlw, path));
    }
    String inquiries = ok(fund, "/api/inquiries");
    answers.put("/api/inquiries", inquiries);
    for (JsonNode inquiry : fund.get("/api/inquiries").json()) {
      String path = "/api/inquiries/" + inquiry.get("inquiryId").asText();
      answers.put(path, ok(fund, path));
    }
    return answers;
  }

  private static String ok(Api as, String path) {
    var reply = as.get(path);
    assertThat(reply.status()).as(path + " " + reply).isEqualTo(200);
    return withoutNow(reply.json()).toString();
  }

  /**
   * A facility's current activation and service status are answered for the instant of the request
   * ({@code at}, the wall clock): that instant is left out, the rest is compared.
   */
  private static JsonNode withoutNow(JsonNode node) {
    if (node.isArray()) {
      node.forEach(RebuildScenarios::withoutNow);
    } else if (node.isObject()) {
      var fields = node.fields();
      while (fields.hasNext()) {
        var field = fields.next();
        if ((field.getKey().equals("activation") || field.getKey().equals("serviceStatus"))
            && field.getValue().isObject()) {
          ((ObjectNode) field.getValue()).remove("at");
        }
        withoutNow(field.getValue());
      }
    }
    return node;
  }

  /**
   * Every table's rows, sorted. The claims in {@code tokenentry} (owner, timestamp) are left out: a
   * process that starts the tracking processors claims their tokens, whatever it then does.
   */
  static Map<String, List<String>> tables(JdbcTemplate jdbc) {
    Map<String, List<String>> tables = new TreeMap<>();
    List<String> names =
        jdbc.queryForList(
            "select table_name from information_schema.tables where table_schema = 'public'"
                + " and table_type = 'BASE TABLE'",
            String.class);
    for (String name : names) {
      List<String> rows =
          jdbc.query(
              "select * from " + name,
              (rs, n) -> {
                ResultSetMetaData meta = rs.getMetaData();
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                  String column = meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT);
                  // The live processors' claims, and their tokens: a pooled processor moves the
                  // token of a segment without events of its own along lazily, after the others.
                  // A rebuild runs no tracking processor and never writes this table.
                  if (name.equalsIgnoreCase("tokenentry")
                      && (column.equals("owner")
                          || column.equals("timestamp")
                          || column.equals("token"))) {
                    continue;
                  }
                  row.append(column).append('=').append(text(rs.getObject(i))).append(';');
                }
                return row.toString();
              });
      rows.sort(null);
      tables.put(name.toLowerCase(java.util.Locale.ROOT), rows);
    }
    assertThat(tables).containsKeys("notice", "application", "consent", "inquiry");
    return tables;
  }

  private static String text(Object value) {
    try {
      if (value instanceof byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
      }
      if (value instanceof Blob blob) {
        return HexFormat.of().formatHex(blob.getBytes(1, (int) blob.length()));
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return String.valueOf(value);
  }
}
