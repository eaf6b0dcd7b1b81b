package jp.emergencyaccess.ledger.history;

import static jp.emergencyaccess.ledger.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.history.HistoryWorld.Place;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.HttpTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The flag engine against a plain recomputation, over several seeds: random lookups (three
 * facilities, a few patients each, instants over five days in any order, bursts, equal instants,
 * lookups exactly a window apart, denied ones without consent or after the activation ended, some
 * under the exemption) are sent over HTTP by four clients at once, so that the access-history
 * processor's segments write the facilities' batches in parallel and a patient's attempts arrive
 * out of time order and in several batches. Every row's flags must then be those recomputed from
 * all the rows at once with the pure rules ({@link RepeatJudge} over each patient's every attempt,
 * {@link HighVolumeDays} over the facility's days), and the same again after a reset has replayed
 * the store (big catch-up batches). Run on H2 and PostgreSQL.
 */
abstract class FlagEngineScenarios extends HttpTest {
  private static final ZoneOffset JST = ZoneOffset.ofHours(9);
  private static final OffsetDateTime MARCH_1 = OffsetDateTime.of(2024, 3, 1, 0, 0, 0, 0, JST);
  private static final int FACILITIES = 3;
  private static final int LOOKUPS_PER_FACILITY = 150;
  private static final int DAYS = 5;

  @Autowired private FlagThresholds thresholds;

  /** One lookup sent, with what the rules must make of it. */
  private record Sent(
      String viewId,
      String facilityCode,
      String patientId,
      long atMs,
      boolean allowed,
      boolean exemption) {}

  /** A lookup to send. */
  private record Planned(
      Place place, String patientId, String consentId, boolean exemption, long atMs) {}

  static Stream<Arguments> seeds() {
    return Stream.of(Arguments.of(0, 20240301L), Arguments.of(1, 7L), Arguments.of(2, 982451653L));
  }

  @ParameterizedTest(name = "seed {1}")
  @MethodSource("seeds")
  void randomLookupsInAnyOrder_getTheFlagsOfARecomputationFromAllRows(int round, long seed)
      throws Exception {
    Random random = new Random(seed);
    HistoryWorld world = new HistoryWorld(api());
    String municipality = HistoryWorld.municipality();
    List<Place> places = new ArrayList<>();
    for (int f = 0; f < FACILITIES; f++) {
      String account = String.format("flag-engine-%02d", round * FACILITIES + f + 1);
      places.add(world.registered(municipality, new Place(account, facilityCodeOf(account))));
    }
    // March 1st to 4th are covered; lookups on the 5th are denied NOT_ACTIVATED.
    world.activate(municipality, "2024-03-01", "2024-03-04");

    List<Planned> plan = new ArrayList<>();
    for (Place place : places) {
      plan.addAll(plan(world, place, random, seed));
    }
    Collections.shuffle(plan, random);
    List<Sent> sent = send(world, plan, seed);

    for (Place place : places) {
      world.awaitAttempts(place.facilityCode(), LOOKUPS_PER_FACILITY);
    }
    Map<String, Set<String>> expected = expectedFlags(sent);
    assertThat(expected.values().stream().filter(f -> f.contains("REPEATED_PATIENT")).count())
        .as("seed %d makes repeated patients", seed)
        .isGreaterThan(20);
    assertThat(expected.values().stream().filter(f -> f.contains("HIGH_VOLUME")).count())
        .as("seed %d makes a high-volume day", seed)
        .isPositive();
    assertFlags(world, places, sent, expected, seed, "live");

    Api.Reply reset = mhlw().post("/api/admin/processors/access-history/reset", "");
    assertThat(reset.status()).as(reset.toString()).isEqualTo(202);
    long head = jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class);
    eventually(
        "access-history replayed up to " + head,
        () -> {
          JsonNode status = mhlw().get("/api/admin/processors/access-history").json();
          return status.get("caughtUp").asBoolean() && status.get("position").asLong() >= head;
        });
    for (Place place : places) {
      world.awaitAttempts(place.facilityCode(), LOOKUPS_PER_FACILITY);
    }
    assertFlags(world, places, sent, expected, seed, "after a reset");
  }

  private static String facilityCodeOf(String account) {
    int n = Integer.parseInt(account.substring("flag-engine-".length()));
    String nine = String.format("4619%05d", 200 + n);
    return nine + jp.emergencyaccess.ledger.facility.FacilityCode.checkDigit(nine);
  }

  /**
   * A facility's lookups: 4 to 7 patients, one in five under the exemption; one busy day takes
   * about half of them (HIGH_VOLUME for the facility's other days' median); half of a patient's
   * lookups fall within 90 minutes of its previous one (bursts, REPEATED_PATIENT), a few exactly a
   * window after it (outside that window); every eighth cites no consent (CONSENT_MISSING).
   */
  private List<Planned> plan(HistoryWorld world, Place place, Random random, long seed) {
    int patients = 4 + random.nextInt(4);
    List<String> ids = new ArrayList<>();
    List<String> consents = new ArrayList<>();
    List<Boolean> exemptions = new ArrayList<>();
    for (int p = 0; p < patients; p++) {
      String id = "fe-" + seed + "-" + place.account() + "-p" + p;
      boolean exemption = random.nextInt(5) == 0;
      ids.add(id);
      exemptions.add(exemption);
      consents.add(
          world.consent(place, id, exemption, "INSURED_NUMBER", "2024-02-29T00:00:00+09:00"));
    }
    long windowMs = thresholds.repeatedPatient().window().toMillis();
    long startMs = MARCH_1.toInstant().toEpochMilli();
    long endMs = MARCH_1.plusDays(DAYS).toInstant().toEpochMilli();
    int busyDay = random.nextInt(DAYS);
    long[] previous = new long[patients];
    List<Planned> planned = new ArrayList<>();
    for (int i = 0; i < LOOKUPS_PER_FACILITY; i++) {
      int p = random.nextInt(patients);
      long at;
      int kind = random.nextInt(20);
      if (previous[p] != 0 && kind < 10) {
        at = previous[p] + 60_000L * (random.nextInt(181) - 90);
      } else if (previous[p] != 0 && kind == 10) {
        at = previous[p] + windowMs * (random.nextBoolean() ? 1 : -1);
      } else {
        int day = random.nextBoolean() ? busyDay : random.nextInt(DAYS);
        at = MARCH_1.plusDays(day).toInstant().toEpochMilli() + 60_000L * random.nextInt(24 * 60);
      }
      at = Math.max(startMs, Math.min(endMs - 60_000L, at));
      previous[p] = at;
      boolean cites = random.nextInt(8) != 0;
      planned.add(
          new Planned(
              place, ids.get(p), cites ? consents.get(p) : null, cites && exemptions.get(p), at));
    }
    return planned;
  }

  /** Sends the lookups from four clients at once; returns what was recorded. */
  private List<Sent> send(HistoryWorld world, List<Planned> plan, long seed) throws Exception {
    long activationEndMs = MARCH_1.plusDays(4).toInstant().toEpochMilli();
    List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
    Map<Integer, Boolean> done = new ConcurrentHashMap<>();
    ExecutorService clients = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int c = 0; c < 4; c++) {
        int client = c;
        futures.add(
            clients.submit(
                () -> {
                  for (int i = client; i < plan.size(); i += 4) {
                    Planned p = plan.get(i);
                    String at =
                        Instant.ofEpochMilli(p.atMs())
                            .atOffset(JST)
                            .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                    Api.Reply reply =
                        world.view(
                            p.place(),
                            "fe-" + seed + "-" + i,
                            "dr-" + i % 3,
                            "DOCTOR",
                            p.patientId(),
                            List.of("MEDICATION"),
                            p.consentId(),
                            at);
                    boolean allowed = reply.status() == 201;
                    assertThat(allowed)
                        .as("decision of %s", reply)
                        .isEqualTo(p.consentId() != null && p.atMs() < activationEndMs);
                    sent.add(
                        new Sent(
                            reply.json().get("viewId").asText(),
                            p.place().facilityCode(),
                            p.patientId(),
                            p.atMs(),
                            allowed,
                            p.exemption()));
                    done.put(i, true);
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } finally {
      clients.shutdownNow();
    }
    assertThat(done).hasSize(plan.size());
    return List.copyOf(sent);
  }

  /** Every lookup's flags, recomputed from all of them at once with the pure rules. */
  private Map<String, Set<String>> expectedFlags(List<Sent> sent) {
    long windowMs = thresholds.repeatedPatient().window().toMillis();
    int maxAttempts = thresholds.repeatedPatient().maxAttempts();
    Set<String> repeated = new TreeSet<>();
    sent.stream()
        .collect(Collectors.groupingBy(s -> List.of(s.facilityCode(), s.patientId())))
        .values()
        .forEach(
            attempts -> {
              long[] instants = attempts.stream().mapToLong(Sent::atMs).toArray();
              RepeatJudge.judge(instants, RepeatJudge.Around.of(List.of()), windowMs, maxAttempts)
                  .newRepeated()
                  .forEach(n -> repeated.add(attempts.get(n).viewId()));
            });
    Map<String, HighVolumeDays> highVolume = new TreeMap<>();
    sent.stream()
        .collect(
            Collectors.groupingBy(
                Sent::facilityCode,
                Collectors.groupingBy(
                    s -> JapanTime.dateOf(Instant.ofEpochMilli(s.atMs())),
                    TreeMap::new,
                    Collectors.counting())))
        .forEach(
            (facility, perDay) ->
                highVolume.put(
                    facility,
                    HighVolumeDays.of(
                        new TreeMap<LocalDate, Long>(perDay), thresholds.highVolume())));
    Map<String, Set<String>> flags = new TreeMap<>();
    for (Sent s : sent) {
      Set<String> f = new TreeSet<>();
      if (s.exemption()) {
        f.add("EMERGENCY_EXEMPTION");
      }
      if (!s.allowed()) {
        f.add("DENIED");
      }
      if (repeated.contains(s.viewId())) {
        f.add("REPEATED_PATIENT");
      }
      if (highVolume
          .get(s.facilityCode())
          .contains(JapanTime.dateOf(Instant.ofEpochMilli(s.atMs())))) {
        f.add("HIGH_VOLUME");
      }
      flags.put(s.viewId(), f);
    }
    return flags;
  }

  /** Every row's flags, page by page, and the summaries' counts per flag, as expected. */
  private void assertFlags(
      HistoryWorld world,
      List<Place> places,
      List<Sent> sent,
      Map<String, Set<String>> expected,
      long seed,
      String when) {
    Map<String, Set<String>> actual = new TreeMap<>();
    for (Place place : places) {
      Map<String, Long> byFlag = new TreeMap<>();
      String cursor = null;
      do {
        JsonNode page =
            world.accesses(
                fund(),
                place.facilityCode(),
                "?limit=100" + (cursor == null ? "" : "&cursor=" + cursor));
        for (JsonNode item : page.get("items")) {
          Set<String> flags = new TreeSet<>();
          item.get("flags").forEach(f -> flags.add(f.asText()));
          assertThat(actual.put(item.get("viewId").asText(), flags)).as("listed once").isNull();
        }
        cursor = page.hasNonNull("next") ? page.get("next").asText() : null;
      } while (cursor != null);
      world
          .accesses(fund(), place.facilityCode(), "?limit=1")
          .at("/summary/byFlag")
          .fields()
          .forEachRemaining(e -> byFlag.put(e.getKey(), e.getValue().asLong()));
      Map<String, Long> expectedByFlag = new TreeMap<>();
      for (AccessFlag flag : AccessFlag.values()) {
        expectedByFlag.put(flag.name(), 0L);
      }
      sent.stream()
          .filter(s -> s.facilityCode().equals(place.facilityCode()))
          .forEach(
              s -> expected.get(s.viewId()).forEach(f -> expectedByFlag.merge(f, 1L, Long::sum)));
      assertThat(byFlag)
          .as("seed %d, %s: summary of %s", seed, when, place.facilityCode())
          .isEqualTo(expectedByFlag);
    }
    assertThat(actual).as("seed %d, %s: every row's flags", seed, when).isEqualTo(expected);
  }
}
