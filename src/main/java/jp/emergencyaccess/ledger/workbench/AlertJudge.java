package jp.emergencyaccess.ledger.workbench;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.emergencyaccess.ledger.access.Lookup;
import jp.emergencyaccess.ledger.common.CommandSender;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.facility.FacilityDirectory;
import jp.emergencyaccess.ledger.history.FlagThresholds;
import jp.emergencyaccess.ledger.history.HistoryListener;
import jp.emergencyaccess.ledger.history.WrittenLookup;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Raises the alerts of each batch of the access history, in the batch's transaction (the access
 * history's pooled processor, partitioned by facility, so one node at a time judges a facility).
 * Every count is read from the history's rows, the batch's own included, never kept in memory: a
 * node that takes a segment over judges exactly as the one before it.
 *
 * <p>A count alert is raised by the batch that makes the day's count reach its threshold (the count
 * before it is below); REPEATED_PATIENT by every batch with a lookup of that flag. The alert id
 * names kind, facility, day and subject ({@link AlertIds}), so a replay of the history, or a second
 * node racing for a segment, raises the same alert again and the {@link Alert} aggregate records
 * nothing (the race's loser fails its batch on the event's unique key, and its retry finds the
 * alert).
 *
 * <p>{@code ledger.alerts.raise=false} leaves it out: the history then raises nothing, and the
 * alerts already raised stay in the queue.
 */
@Component
@ConditionalOnProperty(name = "ledger.alerts.raise", havingValue = "true", matchIfMissing = true)
class AlertJudge implements HistoryListener {
  private final JdbcTemplate jdbc;
  private final CommandSender commands;
  private final AlertThresholds alerts;
  private final FlagThresholds flags;
  private final FacilityDirectory facilities;

  AlertJudge(
      JdbcTemplate jdbc,
      CommandSender commands,
      AlertThresholds alerts,
      FlagThresholds flags,
      FacilityDirectory facilities) {
    this.jdbc = jdbc;
    this.commands = commands;
    this.alerts = alerts;
    this.flags = flags;
    this.facilities = facilities;
  }

  private record Key(String facilityCode, LocalDate day, String subject) {}

  /** How many lookups of a key the batch holds, and the latest of them. */
  private static final class InBatch {
    long count;
    Instant last = Instant.MIN;

    void add(Instant at) {
      count++;
      if (at.isAfter(last)) {
        last = at;
      }
    }
  }

  @Override
  public void written(List<WrittenLookup> batch) {
    Map<Key, InBatch> exemptions = new LinkedHashMap<>();
    Map<Key, InBatch> denials = new LinkedHashMap<>();
    Map<Key, InBatch> repeated = new LinkedHashMap<>();
    for (WrittenLookup w : batch) {
      Lookup l = w.lookup();
      if (l.underExemption()) {
        exemptions
            .computeIfAbsent(new Key(l.facilityCode(), w.day(), null), k -> new InBatch())
            .add(l.at());
      }
      if (!l.allowed()) {
        denials
            .computeIfAbsent(new Key(l.facilityCode(), w.day(), l.viewerId()), k -> new InBatch())
            .add(l.at());
      }
      if (w.repeated()) {
        repeated
            .computeIfAbsent(new Key(l.facilityCode(), w.day(), l.patientRef()), k -> new InBatch())
            .add(l.at());
      }
    }
    List<RaiseAlert> raise = new ArrayList<>();
    exemptions.forEach((k, b) -> exemptionAlert(k, b).ifPresent(raise::add));
    denials.forEach((k, b) -> denialAlert(k, b).ifPresent(raise::add));
    repeated.forEach((k, b) -> raise.add(repeatAlert(k, b)));
    raise.forEach(commands::send);
  }

  private Optional<RaiseAlert> exemptionAlert(Key k, InBatch b) {
    long threshold = alerts.exemptionsPerDay();
    Long after =
        jdbc.queryForObject(
            "select exemption from access_day where facility_code = ? and day_jst = ?",
            Long.class,
            k.facilityCode(),
            k.day());
    if (after == null || after < threshold || after - b.count >= threshold) {
      return Optional.empty();
    }
    List<String> reasons = new ArrayList<>();
    reasons.add(k.day() + " に同意なし (緊急例外) " + after + " 件 (閾値 " + threshold + ")");
    peersMedian(k).ifPresent(reasons::add);
    return Optional.of(
        new RaiseAlert(
            AlertIds.of(AlertKind.EMERGENCY_EXEMPTIONS, k.facilityCode(), k.day(), "facility"),
            AlertKind.EMERGENCY_EXEMPTIONS,
            k.facilityCode(),
            k.day(),
            null,
            null,
            after,
            threshold,
            List.copyOf(reasons),
            b.last));
  }

  /**
   * The day's exemption lookups of the facility's peers: the other registered facilities of its
   * kind in its prefecture, a peer without lookups that day counting 0. Read when the alert is
   * raised; a replay finds the alert raised and keeps its words.
   */
  private Optional<String> peersMedian(Key k) {
    return facilities
        .find(k.facilityCode())
        .flatMap(
            f -> {
              List<Long> peers =
                  jdbc.queryForList(
                      "select coalesce(d.exemption, 0) from facility p left join access_day d on"
                          + " d.facility_code = p.facility_code and d.day_jst = ? where p.kind = ?"
                          + " and p.municipality_code like ? and p.facility_code <> ?",
                      Long.class,
                      k.day(),
                      f.kind().name(),
                      f.municipalityCode().substring(0, 2) + "%",
                      k.facilityCode());
              if (peers.isEmpty()) {
                return Optional.empty();
              }
              double median =
                  FacilityRanking.median(peers.stream().mapToDouble(Long::doubleValue).toArray());
              return Optional.of(
                  "同規模施設 (同県の"
                      + f.kind().japanese()
                      + " "
                      + peers.size()
                      + " 施設) の同日の中央値 "
                      + FacilityRanking.count(median)
                      + " 件");
            });
  }

  private Optional<RaiseAlert> denialAlert(Key k, InBatch b) {
    long threshold = alerts.denialsPerViewerDay();
    Instant from = JapanTime.startOf(k.day());
    Instant until = JapanTime.startOf(k.day().plusDays(1));
    Long after =
        jdbc.queryForObject(
            "select count(*) from access_denied where facility_code = ? and at_ms >= ?"
                + " and at_ms < ? and viewer_id = ?",
            Long.class,
            k.facilityCode(),
            from.toEpochMilli(),
            until.toEpochMilli(),
            k.subject());
    if (after == null || after < threshold || after - b.count >= threshold) {
      return Optional.empty();
    }
    return Optional.of(
        new RaiseAlert(
            AlertIds.of(AlertKind.DENIALS, k.facilityCode(), k.day(), "viewer:" + k.subject()),
            AlertKind.DENIALS,
            k.facilityCode(),
            k.day(),
            k.subject(),
            null,
            after,
            threshold,
            List.of(
                "閲覧者 "
                    + k.subject()
                    + " の拒否 "
                    + after
                    + " 件 ("
                    + k.day()
                    + ", 閾値 "
                    + threshold
                    + ")"),
            b.last));
  }

  /**
   * The count is that of the window ending at the batch's latest flagged lookup of the patient; the
   * viewer is named when one viewer made every lookup of the window.
   */
  private RaiseAlert repeatAlert(Key k, InBatch b) {
    Duration window = flags.repeatedPatient().window();
    long threshold = flags.repeatedPatient().maxAttempts();
    List<Map<String, Object>> viewers =
        jdbc.queryForList(
            "select viewer_id, count(*) as n from access_attempt where facility_code = ?"
                + " and patient_ref = ? and at_ms > ? and at_ms <= ? group by viewer_id",
            k.facilityCode(),
            k.subject(),
            b.last.minus(window).toEpochMilli(),
            b.last.toEpochMilli());
    long count = viewers.stream().mapToLong(v -> ((Number) v.get("n")).longValue()).sum();
    String viewer = viewers.size() == 1 ? (String) viewers.get(0).get("viewer_id") : null;
    String hours =
        window.toMinutes() % 60 == 0 ? window.toHours() + " 時間" : window.toMinutes() + " 分";
    List<String> reasons = new ArrayList<>();
    reasons.add(
        "患者 "
            + k.subject().substring(0, Math.min(4, k.subject().length()))
            + "… を "
            + hours
            + "で "
            + count
            + " 回照会 (閾値 "
            + threshold
            + ")");
    if (viewer != null) {
      reasons.add("すべて閲覧者 " + viewer + " による照会");
    }
    return new RaiseAlert(
        AlertIds.of(
            AlertKind.REPEATED_PATIENT, k.facilityCode(), k.day(), "patient:" + k.subject()),
        AlertKind.REPEATED_PATIENT,
        k.facilityCode(),
        k.day(),
        viewer,
        k.subject(),
        count,
        threshold,
        List.copyOf(reasons),
        b.last);
  }
}
