package jp.emergencyaccess.ledger.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import jp.emergencyaccess.ledger.LedgerApplication;
import jp.emergencyaccess.ledger.access.MedicalInfoViewDenied;
import jp.emergencyaccess.ledger.access.MedicalInfoViewed;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.consent.ConsentRecorded;
import jp.emergencyaccess.ledger.notice.NoticeRegistered;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.timetravel.NotoFacts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo profile at full size (32,000 lookups unless {@code ledger.demo.test-lookups} says
 * otherwise) in its own context on H2 in a fresh data directory: the answers match the data file
 * and the domain facts (written out by hand in {@link NotoFacts}), and loading a second time
 * records nothing.
 */
class DemoLoadTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Full size by default; {@code -Dledger.demo.test-lookups=8000} runs a reduced load. */
  private static final int LOOKUPS = Integer.getInteger("ledger.demo.test-lookups", 32_000);

  private static ConfigurableApplicationContext context;
  private static Api api;
  private static JdbcTemplate jdbc;

  @BeforeAll
  static void startTheDemo() throws Exception {
    Path dataDir = Files.createTempDirectory(Path.of("target"), "demo-");
    context =
        new SpringApplicationBuilder(LedgerApplication.class)
            .profiles("demo")
            .run(
                "--server.port=0",
                "--ledger.data-dir=" + dataDir,
                "--ledger.demo.lookups=" + LOOKUPS,
                "--logging.level.org.axonframework=WARN",
                "--logging.level.org.springframework=WARN");
    int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    api = Api.at(port).as("mhlw");
    jdbc = context.getBean(JdbcTemplate.class);
  }

  @AfterAll
  static void stop() {
    if (context != null) {
      context.close();
    }
  }

  @Test
  void theNoticeSeriesIsThereWithItsConfirmationMarks() throws Exception {
    assertThat(count(NoticeRegistered.class)).isEqualTo(NotoFacts.REVISIONS.size());
    JsonNode notices = api.get("/api/notices").json();
    assertThat(notices).hasSize(6);
    Map<String, String> confirmation = new HashMap<>();
    notices.forEach(
        n -> confirmation.put(n.get("noticeId").asText(), n.get("confirmation").asText()));
    assertThat(confirmation.keySet()).containsExactlyInAnyOrderElementsOf(NotoFacts.REVISIONS);
    assertThat(confirmation.get(NotoFacts.SCOPE_1)).contains("NOT confirmed");
    assertThat(confirmation.get(NotoFacts.EXT_2_7)).startsWith("NOT confirmed");
    assertThat(confirmation.get(NotoFacts.EXT_9)).contains("issue date NOT confirmed");
  }

  @Test
  void activeMunicipalitiesOnChosenDatesAreThoseOfTheDomainFacts() {
    assertThat(activeOn("2024-01-03")).isEqualTo(new TreeSet<>(NotoFacts.ALL_47));
    assertThat(activeOn("2024-01-10")).isEqualTo(new TreeSet<>(NotoFacts.EXTENDED_18));
    assertThat(activeOn("2024-02-01")).isEqualTo(new TreeSet<>(NotoFacts.TWENTY));
    assertThat(activeOn("2024-02-20")).isEqualTo(new TreeSet<>(NotoFacts.ISHIKAWA_19));
    assertThat(activeOn("2024-03-07")).isEqualTo(new TreeSet<>(NotoFacts.ISHIKAWA_19));
    assertThat(activeOn("2024-03-08")).isEmpty();
  }

  @Test
  void facilitiesAndApplicationsAreThere() {
    JsonNode individually = api.get("/api/facilities/individually-activated").json();
    assertThat(individually).hasSize(4);
    assertThat(api.get("/api/facilities/1719000018").json().get("name").asText())
        .isEqualTo("デモ診療所 001");
    JsonNode check = api.get("/api/activation/check?facility=1719000018&at=2024-03-10").json();
    assertThat(check.get("active").asBoolean()).isFalse();
  }

  @Test
  void theLookupsFollowTheRealVolume_withDenialsExemptionsAndASuspiciousFacility()
      throws Exception {
    List<JsonNode> allowed = payloads(MedicalInfoViewed.class);
    List<JsonNode> denied = payloads(MedicalInfoViewDenied.class);
    assertThat(allowed.size() + denied.size()).isEqualTo(LOOKUPS);

    List<JsonNode> all = new ArrayList<>(allowed);
    all.addAll(denied);
    long byJan4 = all.stream().filter(v -> dayOf(v).isBefore(LocalDate.of(2024, 1, 5))).count();
    long january = all.stream().filter(v -> dayOf(v).getMonthValue() == 1).count();
    // Trade press: more than 1,500 by 2024-01-04, about 22,000 in January (of 32,000).
    assertThat(byJan4).isGreaterThan(1_500L * LOOKUPS / 32_000);
    assertThat(january).isBetween(21_000L * LOOKUPS / 32_000, 23_000L * LOOKUPS / 32_000);

    // The basis of a January lookup names the notice that first covered its day, never (その9),
    // issued 2024-02-27, which only set the period's last day weeks later; none came after it.
    List<JsonNode> januaryByRegion =
        allowed.stream()
            .filter(v -> dayOf(v).getMonthValue() == 1)
            .filter(v -> "REGION".equals(v.at("/coveredBy/kind").asText()))
            .toList();
    assertThat(januaryByRegion)
        .isNotEmpty()
        .noneMatch(v -> v.at("/coveredBy/noticeId").asText().equals("noto-2024-ext-9"))
        .noneMatch(v -> v.at("/coveredBy/retroactive").asBoolean())
        .allMatch(
            v -> toList(v.at("/coveredBy/notices")).contains(v.at("/coveredBy/noticeId").asText()));
    assertThat(januaryByRegion)
        .anyMatch(v -> v.at("/coveredBy/noticeId").asText().equals("noto-2024-scope-1"))
        .anyMatch(v -> v.at("/coveredBy/noticeId").asText().equals("noto-2024-ext-1"))
        .anyMatch(v -> v.at("/coveredBy/noticeId").asText().equals("noto-2024-ext-2-7"));

    Set<String> reasons =
        denied.stream().flatMap(d -> toList(d.get("reasons")).stream()).collect(Collectors.toSet());
    assertThat(reasons).contains("NOT_ACTIVATED", "CONSENT_MISSING", "CONSENT_WITHDRAWN");
    // Lookups after Ishikawa's period ended (2024-03-07) are denied as not activated.
    assertThat(denied)
        .anyMatch(
            d ->
                dayOf(d).isAfter(LocalDate.of(2024, 3, 7))
                    && d.get("facilityCode").asText().startsWith("17")
                    && toList(d.get("reasons")).contains("NOT_ACTIVATED"));

    List<JsonNode> consents = payloads(ConsentRecorded.class);
    assertThat(consents)
        .filteredOn(c -> c.get("basis").asText().equals("EMERGENCY_EXEMPTION"))
        .isNotEmpty()
        .allMatch(c -> !c.get("exemptionReason").asText().isBlank());
    assertThat(allowed)
        .anyMatch(v -> "EMERGENCY_EXEMPTION".equals(v.path("consentBasis").asText()));

    // The suspicious clinic: one patient more than 5 times within 24 h, and a day of more than
    // three times its median daily count (REPEATED_PATIENT, HIGH_VOLUME).
    List<JsonNode> suspicious =
        all.stream().filter(v -> v.get("facilityCode").asText().equals("1719000018")).toList();
    Map<String, List<Instant>> byPatient =
        suspicious.stream()
            .collect(
                Collectors.groupingBy(
                    v -> v.get("patientRef").asText(),
                    Collectors.mapping(DemoLoadTest::atOf, Collectors.toList())));
    assertThat(byPatient.values()).anyMatch(DemoLoadTest::moreThanFiveWithin24h);
    Map<LocalDate, Long> perDay =
        suspicious.stream()
            .collect(Collectors.groupingBy(DemoLoadTest::dayOf, Collectors.counting()));
    List<Long> counts = perDay.values().stream().sorted().toList();
    long median = counts.get(counts.size() / 2);
    assertThat(counts.get(counts.size() - 1)).isGreaterThan(3 * median);

    // Patient identifiers appear nowhere in the store, only their pseudonyms.
    assertThat(consents).noneMatch(c -> c.toString().contains("demo-patient"));
    assertThat(all).noneMatch(v -> v.toString().contains("demo-patient"));
  }

  @Test
  void loadingASecondTimeRecordsNothing() {
    long before = jdbc.queryForObject("select count(*) from domainevententry", Long.class);
    DemoLoader.Summary again = context.getBean(DemoLoader.class).load();
    assertThat(again.recordedNothing()).as(again.toString()).isTrue();
    long after = jdbc.queryForObject("select count(*) from domainevententry", Long.class);
    assertThat(after).isEqualTo(before);
  }

  private static boolean moreThanFiveWithin24h(List<Instant> ats) {
    List<Instant> sorted = ats.stream().sorted().toList();
    for (int i = 0; i + 5 < sorted.size(); i++) {
      if (Duration.between(sorted.get(i), sorted.get(i + 5)).compareTo(Duration.ofHours(24)) < 0) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> activeOn(String date) {
    JsonNode regions = api.get("/api/activation?at=" + date).json().get("regions");
    Set<String> codes = new TreeSet<>();
    regions.forEach(r -> codes.add(r.get("regionCode").asText()));
    return codes;
  }

  private static long count(Class<?> type) {
    return jdbc.queryForObject(
        "select count(*) from domainevententry where payloadtype = ?", Long.class, type.getName());
  }

  private static List<JsonNode> payloads(Class<?> type) throws Exception {
    List<JsonNode> result = new ArrayList<>();
    for (byte[] payload :
        jdbc.queryForList(
            "select payload from domainevententry where payloadtype = ?",
            byte[].class,
            type.getName())) {
      result.add(JSON.readTree(new String(payload, StandardCharsets.UTF_8)));
    }
    return result;
  }

  private static Instant atOf(JsonNode event) {
    JsonNode at = event.get("at");
    return at.isNumber()
        ? Instant.ofEpochMilli((long) (at.asDouble() * 1000))
        : Instant.parse(at.asText());
  }

  private static LocalDate dayOf(JsonNode event) {
    return atOf(event).atZone(JapanTime.ZONE).toLocalDate();
  }

  private static List<String> toList(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
