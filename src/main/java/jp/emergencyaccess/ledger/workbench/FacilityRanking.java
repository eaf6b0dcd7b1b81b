package jp.emergencyaccess.ledger.workbench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import jp.emergencyaccess.ledger.facility.FacilityKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The cross-facility ranking of the workbench: the facilities of one prefecture with lookups in a
 * period, ordered by a measure, each set against its peers (the other facilities of the same kind
 * in the prefecture with lookups in the period), read from the access history's rows.
 */
@Component
public class FacilityRanking {
  public static final int MAX_ITEMS = 500;
  private final JdbcTemplate jdbc;

  FacilityRanking(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  private record Counts(
      String facilityCode,
      String name,
      FacilityKind kind,
      long lookups,
      long flagged,
      long exemptions,
      long denied,
      long repeated) {
    double exemptionShare() {
      return (double) exemptions / lookups;
    }

    double denialShare() {
      return (double) denied / lookups;
    }
  }

  /**
   * Facilities of {@code prefecture} (two digits), of {@code kind} if given, by {@code measure}
   * over the Japan days {@code from} … {@code to}, then by facility code; at most {@code limit}.
   */
  public List<RankedFacility> rank(
      String prefecture,
      FacilityKind kind,
      LocalDate from,
      LocalDate to,
      RankingMeasure measure,
      int limit) {
    List<Object> args = new ArrayList<>(List.of(prefecture + "%", from, to));
    String ofKind = "";
    if (kind != null) {
      ofKind = " and f.kind = ?";
      args.add(kind.name());
    }
    List<Counts> all =
        jdbc.query(
            "select f.facility_code, f.name, f.kind, count(*) as lookups, sum(case when"
                + " a.decision = 'DENIED' or a.repeated_patient or a.consent_basis ="
                + " 'EMERGENCY_EXEMPTION' then 1 else 0 end) as flagged, sum(case when"
                + " a.consent_basis = 'EMERGENCY_EXEMPTION' then 1 else 0 end) as exemptions,"
                + " sum(case when a.decision = 'DENIED' then 1 else 0 end) as denied, sum(case"
                + " when a.repeated_patient then 1 else 0 end) as repeated from facility f join"
                + " access_attempt a on a.facility_code = f.facility_code where"
                + " f.municipality_code like ? and a.day_jst >= ? and a.day_jst <= ?"
                + ofKind
                + " group by f.facility_code, f.name, f.kind",
            (rs, n) ->
                new Counts(
                    rs.getString("facility_code"),
                    rs.getString("name"),
                    FacilityKind.valueOf(rs.getString("kind")),
                    rs.getLong("lookups"),
                    rs.getLong("flagged"),
                    rs.getLong("exemptions"),
                    rs.getLong("denied"),
                    rs.getLong("repeated")),
            args.toArray());
    Comparator<Counts> order =
        switch (measure) {
          case FLAGGED -> Comparator.comparingLong(Counts::flagged);
          case EXEMPTION_SHARE -> Comparator.comparingDouble(Counts::exemptionShare);
          case DENIAL_SHARE -> Comparator.comparingDouble(Counts::denialShare);
        };
    List<Counts> ordered =
        all.stream()
            .sorted(order.reversed().thenComparing(Counts::facilityCode))
            .limit(limit)
            .toList();
    List<RankedFacility> ranked = new ArrayList<>();
    for (Counts c : ordered) {
      List<Counts> peers =
          all.stream()
              .filter(p -> p.kind() == c.kind() && !p.facilityCode().equals(c.facilityCode()))
              .toList();
      Double flagged = median(peers, Counts::flagged);
      Double exemptionShare = median(peers, Counts::exemptionShare);
      Double denialShare = median(peers, Counts::denialShare);
      String group = "同県の" + c.kind().japanese();
      String against =
          peers.isEmpty()
              ? ", " + group + "に比較できる施設なし"
              : ", " + group + " " + peers.size() + " 施設の中央値 ";
      List<String> reasons =
          new ArrayList<>(
              List.of(
                  "フラグ付きの照会 "
                      + c.flagged()
                      + " 件 (照会 "
                      + c.lookups()
                      + " 件中)"
                      + against
                      + (flagged == null ? "" : count(flagged) + " 件"),
                  "同意なし (緊急例外) の割合 "
                      + percent(c.exemptionShare())
                      + " ("
                      + c.exemptions()
                      + " 件)"
                      + against
                      + (exemptionShare == null ? "" : percent(exemptionShare)),
                  "拒否の割合 "
                      + percent(c.denialShare())
                      + " ("
                      + c.denied()
                      + " 件)"
                      + against
                      + (denialShare == null ? "" : percent(denialShare))));
      reasons.add(0, reasons.remove(measure.ordinal()));
      ranked.add(
          new RankedFacility(
              ranked.size() + 1,
              c.facilityCode(),
              c.name(),
              c.kind(),
              c.lookups(),
              c.flagged(),
              c.exemptions(),
              c.denied(),
              c.repeated(),
              rounded(c.exemptionShare()),
              rounded(c.denialShare()),
              peers.size(),
              flagged,
              exemptionShare == null ? null : rounded(exemptionShare),
              denialShare == null ? null : rounded(denialShare),
              List.copyOf(reasons)));
    }
    return ranked;
  }

  private static <T> Double median(List<T> values, ToDoubleFunction<T> measure) {
    return values.isEmpty() ? null : median(values.stream().mapToDouble(measure).toArray());
  }

  /** The middle value, or the mean of the two middle ones; null for none. */
  public static Double median(double[] values) {
    if (values.length == 0) {
      return null;
    }
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /** A count as words show it: 1 or 1.5. */
  public static String count(double value) {
    return value == Math.rint(value)
        ? Long.toString((long) value)
        : String.format(Locale.ROOT, "%.1f", value);
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f %%", share * 100);
  }

  private static double rounded(double share) {
    return Math.round(share * 10_000) / 10_000.0;
  }
}
