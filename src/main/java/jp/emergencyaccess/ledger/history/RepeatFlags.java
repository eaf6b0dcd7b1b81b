package jp.emergencyaccess.ledger.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * REPEATED_PATIENT for a batch (more than {@code maxAttempts} attempts of one patient at one
 * facility within the window), judged from the store alone: the batch's attempts of each patient,
 * in clusters no two of which are within a window of each other, are judged by {@link RepeatJudge}
 * against the patient's stored attempts within a window of the cluster, read by the index {@code
 * (facility_code, patient_ref, at_ms)} (one query per 64 clusters).
 *
 * <p>Nothing is remembered between batches, so any node may write any batch. It is still correct
 * with batches written in parallel because the processor is partitioned by facility: all of a
 * facility's attempts are written by one segment, one batch after the other, and a batch reads
 * every committed attempt of its patients.
 *
 * <p>The same read tells which attempts of the batch are stored already (a batch delivered again):
 * an attempt's own instant lies in its cluster's range, so a stored copy is among the rows read.
 */
@Component
class RepeatFlags {
  private final JdbcTemplate jdbc;
  private final FlagThresholds thresholds;

  RepeatFlags(JdbcTemplate jdbc, FlagThresholds thresholds) {
    this.jdbc = jdbc;
    this.thresholds = thresholds;
  }

  /** A stored attempt of the facility that this batch made repeated. */
  record Flagged(String facilityCode, String viewId, Instant at) {}

  /**
   * The batch's attempts not stored yet, those of them found repeated, and the stored ones this
   * batch made repeated.
   */
  record Verdict(List<AttemptRow> fresh, Set<String> repeated, List<Flagged> nowRepeated) {}

  /** Attempts of one patient at one facility, none further than a window from the next. */
  private record Cluster(String facilityCode, String patientRef, List<AttemptRow> rows) {
    long first() {
      return rows.get(0).atMs();
    }

    long last() {
      return rows.get(rows.size() - 1).atMs();
    }
  }

  /**
   * Judges the batch (distinct view ids): leaves out the attempts already stored and judges the
   * others against every stored attempt of their patient within a window of them.
   */
  Verdict judge(List<AttemptRow> batch) {
    long windowMs = thresholds.repeatedPatient().window().toMillis();
    int maxAttempts = thresholds.repeatedPatient().maxAttempts();
    List<Cluster> clusters = clusters(batch, windowMs);
    List<List<RepeatJudge.Stored>> read = new ArrayList<>();
    for (int from = 0; from < clusters.size(); from += InLists.CHUNK) {
      read.addAll(
          stored(
              clusters.subList(from, Math.min(clusters.size(), from + InLists.CHUNK)), windowMs));
    }
    Set<String> storedIds = new HashSet<>();
    read.forEach(list -> list.forEach(s -> storedIds.add(s.viewId())));
    Set<String> repeated = new HashSet<>();
    List<Flagged> nowRepeated = new ArrayList<>();
    Set<String> nowRepeatedIds = new HashSet<>();
    for (int i = 0; i < clusters.size(); i++) {
      Cluster cluster = clusters.get(i);
      List<AttemptRow> unstored =
          cluster.rows().stream().filter(r -> !storedIds.contains(r.viewId())).toList();
      if (unstored.isEmpty()) {
        continue;
      }
      long[] newAtMs = unstored.stream().mapToLong(AttemptRow::atMs).toArray();
      // The range read spans the whole cluster, a superset of what the unstored ones need.
      RepeatJudge.Verdict verdict =
          RepeatJudge.judge(newAtMs, RepeatJudge.Around.of(read.get(i)), windowMs, maxAttempts);
      verdict.newRepeated().forEach(n -> repeated.add(unstored.get(n).viewId()));
      for (RepeatJudge.Stored now : verdict.nowRepeated()) {
        if (nowRepeatedIds.add(now.viewId())) {
          nowRepeated.add(
              new Flagged(cluster.facilityCode(), now.viewId(), Instant.ofEpochMilli(now.atMs())));
        }
      }
    }
    List<AttemptRow> fresh = batch.stream().filter(r -> !storedIds.contains(r.viewId())).toList();
    return new Verdict(fresh, repeated, nowRepeated);
  }

  /** The batch's attempts by facility and patient, in time order, cut where a window passes. */
  private static List<Cluster> clusters(List<AttemptRow> batch, long windowMs) {
    Map<List<String>, List<AttemptRow>> byPatient =
        batch.stream()
            .collect(
                Collectors.groupingBy(
                    r -> List.of(r.facilityCode(), r.patientRef()),
                    LinkedHashMap::new,
                    Collectors.toCollection(ArrayList::new)));
    List<Cluster> clusters = new ArrayList<>();
    byPatient.forEach(
        (key, rows) -> {
          rows.sort(Comparator.comparingLong(AttemptRow::atMs));
          List<AttemptRow> current = new ArrayList<>();
          for (AttemptRow row : rows) {
            if (!current.isEmpty()
                && row.atMs() - current.get(current.size() - 1).atMs() >= windowMs) {
              clusters.add(new Cluster(key.get(0), key.get(1), current));
              current = new ArrayList<>();
            }
            current.add(row);
          }
          clusters.add(new Cluster(key.get(0), key.get(1), current));
        });
    return clusters;
  }

  /**
   * The stored attempts of each cluster's patient in {@code (first − window, last + window)}, by
   * one query: a union of one range read per cluster on the patient index, padded with empty reads
   * to a power of two so that few statement texts exist.
   */
  private List<List<RepeatJudge.Stored>> stored(List<Cluster> chunk, long windowMs) {
    int size = Integer.highestOneBit(chunk.size());
    size = size == chunk.size() ? size : size * 2;
    StringBuilder sql = new StringBuilder();
    List<Object> args = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      sql.append(i == 0 ? "" : " union all ")
          .append("select ")
          .append(i)
          .append(" as k, view_id, at_ms, repeated_patient from access_attempt")
          .append(" where facility_code = ? and patient_ref = ? and at_ms > ? and at_ms < ?");
      Cluster cluster = chunk.get(Math.min(i, chunk.size() - 1));
      args.add(cluster.facilityCode());
      args.add(cluster.patientRef());
      if (i < chunk.size()) {
        args.add(cluster.first() - windowMs);
        args.add(cluster.last() + windowMs);
      } else {
        args.add(0L); // an empty range: at_ms > 0 and at_ms < 0
        args.add(0L);
      }
    }
    List<List<RepeatJudge.Stored>> stored = new ArrayList<>();
    for (int i = 0; i < chunk.size(); i++) {
      stored.add(new ArrayList<>());
    }
    jdbc.query(
        sql.toString(),
        rs -> {
          stored
              .get(rs.getInt(1))
              .add(new RepeatJudge.Stored(rs.getString(2), rs.getLong(3), rs.getBoolean(4)));
        },
        args.toArray());
    return stored;
  }
}
