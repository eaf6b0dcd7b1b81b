package jp.emergencyaccess.ledger.investigation;

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
 * REPEATED_PATIENT for a batch of new attempts (more than {@code maxAttempts} attempts of one
 * patient at one facility within the window): the new attempts of each patient, in clusters no two
 * of which are within a window of each other, are judged in memory by {@link RepeatJudge} against
 * the patient's latest attempts ({@link PatientRecents}) or, where those do not suffice, against
 * the stored attempts within a window of the cluster (one query per 64 clusters).
 */
@Component
class RepeatFlags {
  private final JdbcTemplate jdbc;
  private final FlagThresholds thresholds;
  private final PatientRecents recents;

  RepeatFlags(JdbcTemplate jdbc, FlagThresholds thresholds, PatientRecents recents) {
    this.jdbc = jdbc;
    this.thresholds = thresholds;
    this.recents = recents;
  }

  /** A stored attempt of the facility that this batch made repeated. */
  record Flagged(String facilityCode, String viewId, Instant at) {}

  /** The new attempts found repeated, and the stored ones this batch made repeated. */
  record Verdict(Set<String> repeated, List<Flagged> nowRepeated) {}

  /**
   * Judges the batch's new attempts and keeps each patient's latest attempts up to date, after
   * {@link PatientRecents#prepare} (one batch at a time: {@link HistoryWriter#write}).
   */
  Verdict judge(List<AttemptRow> fresh) {
    Set<String> repeated = new HashSet<>();
    List<Flagged> nowRepeated = new ArrayList<>();
    judgeRepeats(fresh, repeated, nowRepeated);
    return new Verdict(repeated, nowRepeated);
  }

  /** New attempts of one patient at one facility, none further than a window from the next. */
  private record Cluster(String facilityCode, String patientRef, List<AttemptRow> rows) {
    long first() {
      return rows.get(0).atMs();
    }

    long last() {
      return rows.get(rows.size() - 1).atMs();
    }
  }

  /**
   * Judges REPEATED_PATIENT for the new rows and writes each patient's latest attempts ({@link
   * PatientRecents}). A cluster of new attempts no earlier than the patient's latest stored one
   * (the usual case: history arrives in time order) is judged from those latest attempts alone; any
   * other cluster from the patient's attempts around it, kept in memory from an earlier read or
   * read now.
   */
  private void judgeRepeats(
      List<AttemptRow> fresh, Set<String> repeated, List<Flagged> nowRepeated) {
    long windowMs = thresholds.repeatedPatient().window().toMillis();
    int maxAttempts = thresholds.repeatedPatient().maxAttempts();
    Map<List<String>, List<AttemptRow>> byPatient =
        fresh.stream()
            .collect(
                Collectors.groupingBy(
                    r -> List.of(r.facilityCode(), r.patientRef()),
                    LinkedHashMap::new,
                    Collectors.toList()));
    List<Cluster> clusters = new ArrayList<>();
    List<RepeatJudge.Around> storedOf = new ArrayList<>();
    List<Cluster> toRead = new ArrayList<>();
    byPatient.forEach(
        (key, rows) -> {
          rows.sort(Comparator.comparingLong(AttemptRow::atMs));
          List<AttemptRow> current = new ArrayList<>();
          for (int i = 0; i <= rows.size(); i++) {
            if (i == rows.size()
                || (!current.isEmpty()
                    && rows.get(i).atMs() - current.get(current.size() - 1).atMs() >= windowMs)) {
              Cluster cluster = new Cluster(key.get(0), key.get(1), current);
              clusters.add(cluster);
              List<RepeatJudge.Stored> latest = recents.storedFor(key, cluster.first());
              RepeatJudge.Around known =
                  latest != null
                      ? RepeatJudge.Around.of(latest)
                      : recents
                          .ranges()
                          .storedIn(key, cluster.first() - windowMs, cluster.last() + windowMs);
              storedOf.add(known);
              if (known == null) {
                toRead.add(cluster);
              }
              current = new ArrayList<>();
            }
            if (i < rows.size()) {
              current.add(rows.get(i));
            }
          }
        });
    List<List<RepeatJudge.Stored>> read = new ArrayList<>();
    for (int from = 0; from < toRead.size(); from += InLists.CHUNK) {
      read.addAll(
          stored(toRead.subList(from, Math.min(toRead.size(), from + InLists.CHUNK)), windowMs));
    }
    for (int i = 0; i < toRead.size(); i++) {
      Cluster cluster = toRead.get(i);
      recents
          .ranges()
          .remember(
              List.of(cluster.facilityCode(), cluster.patientRef()),
              cluster.first() - windowMs,
              cluster.last() + 2 * windowMs,
              read.get(i));
    }
    Set<String> nowRepeatedIds = new HashSet<>();
    int next = 0;
    for (int i = 0; i < clusters.size(); i++) {
      Cluster cluster = clusters.get(i);
      RepeatJudge.Around stored =
          storedOf.get(i) != null ? storedOf.get(i) : RepeatJudge.Around.of(read.get(next++));
      long[] newAtMs = cluster.rows().stream().mapToLong(AttemptRow::atMs).toArray();
      RepeatJudge.Verdict verdict = RepeatJudge.judge(newAtMs, stored, windowMs, maxAttempts);
      verdict.newRepeated().forEach(n -> repeated.add(cluster.rows().get(n).viewId()));
      for (RepeatJudge.Stored now : verdict.nowRepeated()) {
        if (nowRepeatedIds.add(now.viewId())) {
          nowRepeated.add(
              new Flagged(cluster.facilityCode(), now.viewId(), Instant.ofEpochMilli(now.atMs())));
        }
      }
    }
    recents.write(byPatient, repeated, nowRepeatedIds);
  }

  /**
   * The stored attempts of each cluster's patient from a window before it to two windows after it,
   * by one query: a union of one range read per cluster on the history's key, padded with empty
   * reads to a power of two. The judgement needs a window on each side; the second window after it
   * lets the range kept in memory ({@link PatientRanges}) serve the patient's next late clusters
   * too, which usually follow a little later.
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
        args.add(cluster.last() + 2 * windowMs);
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
