package jp.emergencyaccess.ledger.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import jp.emergencyaccess.ledger.access.CoveredBy;
import jp.emergencyaccess.ledger.access.DenialReason;
import jp.emergencyaccess.ledger.access.InfoCategory;
import jp.emergencyaccess.ledger.access.MedicalInfoViewDenied;
import jp.emergencyaccess.ledger.access.MedicalInfoViewed;
import jp.emergencyaccess.ledger.access.ViewerRole;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.consent.ConsentBasis;
import jp.emergencyaccess.ledger.consent.Identification;
import jp.emergencyaccess.ledger.support.HttpTest;
import jp.emergencyaccess.ledger.support.TestCodes;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The access history written a batch at a time, as the tracking processor hands it over: each batch
 * runs here in a {@link BatchingUnitOfWork} in a transaction of the real store, exactly as Axon
 * runs a processor's batch. Whatever the batches, their order, duplicates within one and batches
 * delivered again, the rows, the REPEATED_PATIENT flags and the running counts must be those of the
 * rule (more than N attempts of the patient at the facility in {@code (at − window, at]}). Run on
 * H2 and PostgreSQL.
 */
abstract class HistoryBatchScenarios extends HttpTest {
  private static final Instant FEB_10 = Instant.parse("2024-02-09T15:00:00Z");

  @Autowired private AccessHistory history;
  @Autowired private TransactionManager transactions;
  @Autowired private FlagThresholds thresholds;
  @Autowired private TransactionTemplate springTransactions;
  @Autowired private DataSource dataSource;
  @Autowired private AccessRollup rollup;

  /** A view event of the facility; every fifth one denied. */
  private static EventMessage<?> view(String facility, String patient, Instant at, int n) {
    return view(UUID.randomUUID().toString(), facility, patient, at, n);
  }

  private static EventMessage<?> view(
      String viewId, String facility, String patient, Instant at, int n) {
    Object event =
        n % 5 == 4
            ? new MedicalInfoViewDenied(
                viewId,
                "req-" + n,
                facility,
                "viewer-" + n % 3,
                ViewerRole.DOCTOR,
                patient,
                List.of(InfoCategory.MEDICATION),
                null,
                null,
                null,
                null,
                List.of(DenialReason.CONSENT_MISSING),
                at)
            : new MedicalInfoViewed(
                viewId,
                "req-" + n,
                facility,
                "viewer-" + n % 3,
                ViewerRole.DOCTOR,
                patient,
                List.of(InfoCategory.MEDICATION, InfoCategory.CLINICAL),
                "consent-" + n,
                n % 3 == 0 ? ConsentBasis.EMERGENCY_EXEMPTION : ConsentBasis.ORAL,
                Identification.INSURED_NUMBER,
                CoveredBy.region(TestCodes.KAGOSHIMA_CITY, "notice-x"),
                at);
    return GenericEventMessage.asEventMessage(event);
  }

  private static String viewId(EventMessage<?> message) {
    return message.getPayload() instanceof MedicalInfoViewed v
        ? v.viewId()
        : ((MedicalInfoViewDenied) message.getPayload()).viewId();
  }

  private static Instant at(EventMessage<?> message) {
    return message.getPayload() instanceof MedicalInfoViewed v
        ? v.at()
        : ((MedicalInfoViewDenied) message.getPayload()).at();
  }

  private static String patient(EventMessage<?> message) {
    return message.getPayload() instanceof MedicalInfoViewed v
        ? v.patientRef()
        : ((MedicalInfoViewDenied) message.getPayload()).patientRef();
  }

  /** Handles the messages as one batch of the processor: one unit of work, one transaction. */
  private void batch(List<EventMessage<?>> messages) {
    assertThat(run(history, messages, false).isExceptional()).isFalse();
  }

  /**
   * Runs the messages as a batch of the given handler; if {@code failAfterWrite}, the transaction
   * fails after the history has written the batch and rolls back.
   */
  private ResultMessage<?> run(
      AccessHistory handler, List<EventMessage<?>> messages, boolean failAfterWrite) {
    BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(messages);
    unitOfWork.attachTransaction(transactions);
    return unitOfWork.executeWithResult(
        () -> {
          EventMessage<?> message = unitOfWork.getMessage();
          if (message.getPayload() instanceof MedicalInfoViewed viewed) {
            handler.on(viewed, message.getTimestamp());
          } else {
            handler.on((MedicalInfoViewDenied) message.getPayload(), message.getTimestamp());
          }
          if (failAfterWrite && message == messages.get(0)) {
            // Registered after the history's own step, so it runs once the rows are written.
            unitOfWork.onPrepareCommit(
                u -> {
                  throw new IllegalStateException("the token could not be stored");
                });
          }
          return null;
        });
  }

  /**
   * The view ids of the facility's REPEATED_PATIENT rows, after checking that the flag tables hold
   * the keys of exactly the repeated rows and a copy of exactly the denied ones (the pages of those
   * flags read them).
   */
  private Set<String> repeated(String facility) {
    Set<String> flagged =
        new TreeSet<>(
            jdbc.queryForList(
                "select view_id from access_attempt where facility_code = ? and repeated_patient",
                String.class,
                facility));
    assertThat(rows("facility_code, at_ms, view_id", "access_repeated", "true", facility))
        .as("access_repeated")
        .isEqualTo(
            rows("facility_code, at_ms, view_id", "access_attempt", "repeated_patient", facility));
    assertThat(rows("*", "access_denied", "true", facility))
        .as("access_denied")
        .isEqualTo(rows("*", "access_attempt", "decision = 'DENIED'", facility));
    return flagged;
  }

  /**
   * The columns of the facility's rows of a table that meet the condition, as text, in the key's
   * order.
   */
  private List<String> rows(String columns, String table, String condition, String facility) {
    return jdbc
        .queryForList(
            "select "
                + columns
                + " from "
                + table
                + " where "
                + condition
                + " and facility_code = ? order by at_ms, view_id",
            facility)
        .stream()
        .map(Object::toString)
        .toList();
  }

  /** The view ids the rule flags, computed from the attempts alone. */
  private Set<String> expectedRepeated(List<EventMessage<?>> distinct) {
    long window = thresholds.repeatedPatient().window().toMillis();
    int max = thresholds.repeatedPatient().maxAttempts();
    Set<String> flagged = new TreeSet<>();
    for (EventMessage<?> m : distinct) {
      long t = at(m).toEpochMilli();
      long inWindow =
          distinct.stream()
              .filter(o -> patient(o).equals(patient(m)))
              .map(o -> at(o).toEpochMilli())
              .filter(o -> o > t - window && o <= t)
              .count();
      if (inWindow > max) {
        flagged.add(viewId(m));
      }
    }
    return flagged;
  }

  /** Every row of the facility and its running counts, as text, for before/after comparisons. */
  private List<String> snapshot(String facility) {
    List<String> all = new ArrayList<>();
    all.addAll(
        jdbc
            .queryForList(
                "select * from access_attempt where facility_code = ? order by view_id", facility)
            .stream()
            .map(Object::toString)
            .toList());
    all.addAll(rows("*", "access_denied", "true", facility));
    all.addAll(rows("facility_code, at_ms, view_id", "access_repeated", "true", facility));
    all.addAll(
        jdbc
            .queryForList(
                "select * from access_day where facility_code = ? order by day_jst", facility)
            .stream()
            .map(Object::toString)
            .toList());
    all.addAll(
        jdbc
            .queryForList(
                "select * from access_viewer where facility_code = ? order by viewer_id", facility)
            .stream()
            .map(Object::toString)
            .toList());
    all.addAll(
        jdbc
            .queryForList(
                "select * from access_patient where facility_code = ? order by patient_ref",
                facility)
            .stream()
            .map(Object::toString)
            .toList());
    return all;
  }

  /** Attempts and repeated attempts per day, from the running counts. */
  private Map<String, List<Long>> dayCounts(String facility) {
    Map<String, List<Long>> counts = new TreeMap<>();
    jdbc.query(
        "select day_jst, attempts, repeated from access_day where facility_code = ?",
        rs -> {
          counts.put(rs.getString(1), List.of(rs.getLong(2), rs.getLong(3)));
        },
        facility);
    return counts;
  }

  private Map<String, List<Long>> expectedDayCounts(
      List<EventMessage<?>> distinct, Set<String> repeated) {
    Map<String, List<Long>> counts = new TreeMap<>();
    distinct.stream()
        .collect(
            Collectors.groupingBy(
                m -> JapanTime.dateOf(at(m)).toString(), TreeMap::new, Collectors.toList()))
        .forEach(
            (day, ms) ->
                counts.put(
                    day,
                    List.of(
                        (long) ms.size(),
                        ms.stream().filter(m -> repeated.contains(viewId(m))).count())));
    return counts;
  }

  @Test
  void theSameViewThreeTimesInOneBatch_isStoredAndCountedOnce() {
    String facility = TestCodes.facilityCode();
    EventMessage<?> a = view(facility, "p-a", FEB_10, 0);
    EventMessage<?> b = view(facility, "p-b", FEB_10.plusSeconds(60), 1);

    batch(List.of(a, a, b, a));

    assertThat(
            jdbc.queryForList(
                "select view_id from access_attempt where facility_code = ?",
                String.class,
                facility))
        .containsExactlyInAnyOrder(viewId(a), viewId(b));
    assertThat(dayCounts(facility)).isEqualTo(Map.of("2024-02-10", List.of(2L, 0L)));
    assertThat(
            jdbc.queryForObject(
                "select sum(attempts) from access_viewer where facility_code = ?",
                Long.class,
                facility))
        .isEqualTo(2);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from access_patient where facility_code = ?",
                Long.class,
                facility))
        .isEqualTo(2);
  }

  @Test
  void aPatientsWindowSplitOverBatchesInAnyOrder_getsTheFlagsOfOneBatch() {
    // Eight lookups of one patient within 35 minutes: the 6th to 8th are repeated (N = 5).
    assertThat(thresholds.repeatedPatient().maxAttempts()).isEqualTo(5);
    String whole = TestCodes.facilityCode();
    String split = TestCodes.facilityCode();
    List<EventMessage<?>> inWhole = new ArrayList<>();
    List<EventMessage<?>> inSplit = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Instant at = FEB_10.plus(Duration.ofMinutes(5L * i));
      inWhole.add(view(whole, "p-8", at, i));
      inSplit.add(view(split, "p-8", at, i));
    }
    inWhole.add(view(whole, "p-other", FEB_10, 8));
    inSplit.add(view(split, "p-other", FEB_10, 8));

    batch(inWhole);
    // Newest first, the oldest last: every flag is decided only when the last batch lands.
    batch(List.of(inSplit.get(7), inSplit.get(2)));
    batch(List.of(inSplit.get(5), inSplit.get(8), inSplit.get(4)));
    batch(List.of(inSplit.get(0), inSplit.get(6), inSplit.get(1), inSplit.get(3)));

    assertThat(repeated(whole))
        .containsExactlyInAnyOrder(
            viewId(inWhole.get(5)), viewId(inWhole.get(6)), viewId(inWhole.get(7)));
    assertThat(repeated(split))
        .containsExactlyInAnyOrder(
            viewId(inSplit.get(5)), viewId(inSplit.get(6)), viewId(inSplit.get(7)));
    assertThat(dayCounts(whole)).isEqualTo(Map.of("2024-02-10", List.of(9L, 3L)));
    assertThat(dayCounts(split)).isEqualTo(dayCounts(whole));
  }

  @Test
  void aBatchDeliveredAgain_changesNoRowNorCount() {
    String facility = TestCodes.facilityCode();
    List<EventMessage<?>> first = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      first.add(view(facility, "p-" + i % 2, FEB_10.plus(Duration.ofMinutes(30L * i)), i));
    }
    batch(first);
    List<String> before = snapshot(facility);
    assertThat(repeated(facility)).isNotEmpty();

    batch(first);
    List<EventMessage<?>> overlapping = new ArrayList<>(first.subList(6, 12));
    Collections.reverse(overlapping);
    batch(overlapping);

    assertThat(snapshot(facility)).isEqualTo(before);
  }

  @Test
  void randomBatchesOrdersDuplicatesAndRedeliveries_giveTheFlagsAndCountsOfTheRule() {
    Random random = new Random(20240211);
    String facility = TestCodes.facilityCode();
    List<EventMessage<?>> distinct = new ArrayList<>();
    for (int i = 0; i < 160; i++) {
      // Four patients over four days, on whole minutes so that some instants are equal.
      Instant at = FEB_10.plus(Duration.ofMinutes(random.nextInt(4 * 24 * 60 / 8) * 8L));
      distinct.add(view(facility, "p-" + random.nextInt(4), at, i));
    }
    List<EventMessage<?>> shuffled = new ArrayList<>(distinct);
    Collections.shuffle(shuffled, random);
    List<List<EventMessage<?>>> batches = new ArrayList<>();
    for (int from = 0; from < shuffled.size(); ) {
      int to = Math.min(shuffled.size(), from + 1 + random.nextInt(40));
      List<EventMessage<?>> batch = new ArrayList<>(shuffled.subList(from, to));
      batch.add(batch.get(random.nextInt(batch.size()))); // a duplicate within the batch
      batches.add(batch);
      if (random.nextInt(3) == 0) {
        batches.add(batch); // delivered again
      }
      from = to;
    }
    for (List<EventMessage<?>> batch : batches) {
      batch(batch);
    }

    Set<String> expected = expectedRepeated(distinct);
    assertThat(expected).isNotEmpty();
    assertThat(repeated(facility)).isEqualTo(expected);
    assertThat(dayCounts(facility)).isEqualTo(expectedDayCounts(distinct, expected));
    assertThat(
            jdbc.queryForObject(
                "select count(*) from access_patient where facility_code = ?",
                Long.class,
                facility))
        .isEqualTo(distinct.stream().map(HistoryBatchScenarios::patient).distinct().count());
  }

  /** Six lookups of one patient, ten minutes apart: only the sixth is repeated (N = 5). */
  private List<EventMessage<?>> sixLookups(String facility) {
    assertThat(thresholds.repeatedPatient().maxAttempts()).isEqualTo(5);
    List<EventMessage<?>> views = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      views.add(view(facility, "p-six", FEB_10.plus(Duration.ofMinutes(10L * i)), i));
    }
    return views;
  }

  @Test
  void batchesWrittenByAnotherNode_areCountedWhenThisNodeWritesAgain() {
    String facility = TestCodes.facilityCode();
    List<EventMessage<?>> views = sixLookups(facility);
    batch(views.subList(0, 3));
    // Another node takes the processor over for a batch: the same store, objects of its own.
    AccessHistory otherNode =
        new AccessHistory(
            new HistoryWriter(jdbc, dataSource, rollup, new RepeatFlags(jdbc, thresholds)));
    assertThat(run(otherNode, views.subList(3, 5), false).isExceptional()).isFalse();

    batch(views.subList(5, 6));

    assertThat(repeated(facility)).containsExactly(viewId(views.get(5)));
  }

  @Test
  void aBatchThatDoesNotCommit_leavesNoAttemptBehindInTheJudgement() {
    String facility = TestCodes.facilityCode();
    List<EventMessage<?>> views = sixLookups(facility);
    batch(views.subList(0, 2));
    assertThat(run(history, views.subList(2, 4), true).exceptionResult())
        .hasMessageContaining("token could not be stored");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from access_attempt where facility_code = ?",
                Long.class,
                facility))
        .isEqualTo(2);

    batch(views.subList(2, 4)); // delivered again, as the processor does
    batch(views.subList(4, 5));
    assertThat(repeated(facility)).isEmpty(); // five attempts
    batch(views.subList(5, 6));

    assertThat(repeated(facility)).containsExactly(viewId(views.get(5)));
  }

  @Test
  void lateLookupsJudgedFromARangeReadBefore_flagEachAttemptOnce() {
    String facility = TestCodes.facilityCode();
    List<EventMessage<?>> views = new ArrayList<>();
    int n = 0;
    for (int minute : new int[] {100, 110, 120, 130, 45, 55, 50}) {
      views.add(view(facility, "p-late", FEB_10.plus(Duration.ofMinutes(minute)), n++));
    }
    batch(views.subList(0, 4));
    // Earlier than the patient's latest: the stored attempts around them are read, 130 flagged.
    batch(views.subList(4, 6));
    // Within the range read for 45 and 55: judged from it; 120 flagged, 130 not a second time.
    batch(views.subList(6, 7));

    assertThat(repeated(facility))
        .containsExactlyInAnyOrder(viewId(views.get(2)), viewId(views.get(3)));
    assertThat(dayCounts(facility)).isEqualTo(Map.of("2024-02-10", List.of(7L, 2L)));
  }

  @Test
  void aResetWhoseTransactionFails_leavesTheHistoryAsItWas() {
    String facility = TestCodes.facilityCode();
    batch(List.of(view(facility, "p-r", FEB_10, 0), view(facility, "p-r", FEB_10, 1)));
    List<String> before = snapshot(facility);
    long marks = jdbc.queryForObject("select count(*) from access_history_reset", Long.class);

    assertThatThrownBy(
            () ->
                springTransactions.executeWithoutResult(
                    status -> {
                      history.reset(); // as Axon calls it, before storing the new token
                      throw new IllegalStateException("the token could not be stored");
                    }))
        .hasMessageContaining("token");

    assertThat(jdbc.queryForObject("select count(*) from access_history_reset", Long.class))
        .isEqualTo(marks);
    assertThat(snapshot(facility)).isEqualTo(before).hasSize(6);
  }
}
