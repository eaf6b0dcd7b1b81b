package jp.emergencyaccess.ledger.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import jp.emergencyaccess.ledger.access.InfoCategory;
import jp.emergencyaccess.ledger.access.ViewerRole;
import jp.emergencyaccess.ledger.activation.NoticeSeries;
import jp.emergencyaccess.ledger.activation.RegionNames;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.consent.ConsentBasis;
import jp.emergencyaccess.ledger.consent.Identification;
import jp.emergencyaccess.ledger.facility.FacilityCode;
import jp.emergencyaccess.ledger.facility.FacilityKind;

/**
 * The demo data, made from a seeded random source so that every run plans exactly the same
 * facilities, applications, consents and lookups (same ids, same instants). Pure: no Spring, no
 * store.
 *
 * <p>Volume follows the trade-press figures for the 2024 Noto activation: more than 1,500 lookups
 * by 2024-01-04, about 22,000 in January, about 32,000 by the end of March (scaled to {@code
 * lookups}). Each lookup goes to a facility whose region is active that day according to the notice
 * series, except the planned denials: lookups after a region's period ended, lookups without a
 * consent and lookups after the consent was withdrawn.
 */
public final class DemoPlan {
  public static final long SEED = 20240101L;
  public static final int FACILITIES = 500;
  public static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
  public static final LocalDate LAST_DAY = LocalDate.of(2024, 3, 31);

  /** The clinic whose data makes it look suspicious (same patient 8 times, a burst on one day). */
  public static final int SUSPICIOUS_INDEX = 1;

  public static final LocalDate BURST_DAY = LocalDate.of(2024, 2, 20);

  /** Municipalities outside the notice series, where a few facilities lie (they must apply). */
  static final Map<String, String> OUTSIDE =
      Map.of(
          "152064", "新潟県新発田市",
          "152102", "新潟県十日町市",
          "162043", "富山県魚津市",
          "182028", "福井県敦賀市",
          "182044", "福井県大野市");

  private static final RegionNames NAMES = new RegionNames();

  public record FacilitySpec(
      int index,
      String code,
      FacilityKind kind,
      String name,
      String nameKana,
      String postalCode,
      String address,
      String municipalityCode,
      String phone) {}

  /** A form 別添1 and MHLW's answer: a granted period, or a rejection reason. */
  public record ApplicationSpec(
      String clientId,
      String facilityCode,
      String reason,
      LocalDate from,
      LocalDate until,
      Instant submittedAt,
      boolean approved,
      String rejectionReason,
      Instant decidedAt) {}

  public record ConsentSpec(
      String requestId,
      ConsentBasis basis,
      Identification identification,
      String exemptionReason,
      Instant at,
      Instant withdrawnAt) {}

  public record LookupSpec(
      String requestId,
      Instant at,
      String viewerId,
      ViewerRole role,
      List<InfoCategory> categories,
      boolean citesConsent) {}

  /**
   * One patient at one facility: the consent (null when none was recorded) and the lookups, in time
   * order. {@code patientId} is fictitious and only ever turned into a patientRef.
   */
  public record PatientVisit(
      String patientId, String facilityCode, ConsentSpec consent, List<LookupSpec> lookups) {}

  private final List<FacilitySpec> facilities;
  private final List<ApplicationSpec> applications;
  private final List<PatientVisit> visits;

  private DemoPlan(
      List<FacilitySpec> facilities,
      List<ApplicationSpec> applications,
      List<PatientVisit> visits) {
    this.facilities = facilities;
    this.applications = applications;
    this.visits = visits;
  }

  public List<FacilitySpec> facilities() {
    return facilities;
  }

  public List<ApplicationSpec> applications() {
    return applications;
  }

  public List<PatientVisit> visits() {
    return visits;
  }

  public int lookupCount() {
    return visits.stream().mapToInt(v -> v.lookups().size()).sum();
  }

  public int consentCount() {
    return (int) visits.stream().filter(v -> v.consent() != null).count();
  }

  public int withdrawalCount() {
    return (int)
        visits.stream()
            .filter(v -> v.consent() != null && v.consent().withdrawnAt() != null)
            .count();
  }

  public FacilitySpec suspicious() {
    return facilities.get(SUSPICIOUS_INDEX - 1);
  }

  /** Plans the demo for a notice series and a total number of lookups. */
  public static DemoPlan make(NoticeSeries series, int lookups) {
    Random random = new Random(SEED);
    RegionDays days = RegionDays.of(series);
    List<FacilitySpec> facilities = facilities(random, days.regions());
    List<ApplicationSpec> applications = applications(facilities);
    List<PatientVisit> visits =
        new Lookups(random, facilities, applications, days).plan(dailyQuota(lookups));
    return new DemoPlan(facilities, applications, visits);
  }

  /** The code of facility {@code index}: prefecture, score table, district 90, the index. */
  static String codeOf(String municipalityCode, FacilityKind kind, int index) {
    String body =
        municipalityCode.substring(0, 2) + kind.scoreTable() + "90" + String.format("%04d", index);
    return body + FacilityCode.checkDigit(body);
  }

  // ---- facilities

  private static List<FacilitySpec> facilities(Random random, List<String> listed) {
    // Weight listed municipalities: cities with more people get more facilities.
    Map<String, Integer> weight = new LinkedHashMap<>();
    for (String region : listed) {
      weight.put(region, region.equals("172014") ? 12 : region.startsWith("17") ? 4 : 2);
    }
    List<String> pool = new ArrayList<>();
    weight.forEach((region, w) -> pool.addAll(java.util.Collections.nCopies(w, region)));
    List<String> outside = OUTSIDE.keySet().stream().sorted().toList();
    List<FacilitySpec> result = new ArrayList<>();
    for (int index = 1; index <= FACILITIES; index++) {
      String municipality;
      FacilityKind kind;
      if (index == SUSPICIOUS_INDEX) {
        municipality = "172022"; // 七尾市
        kind = FacilityKind.CLINIC;
      } else if (index > FACILITIES - 20) {
        municipality = outside.get(index % outside.size());
        kind = kindFor(random);
      } else {
        municipality = index <= listed.size() + 1 ? listed.get(index - 2) : pickFrom(random, pool);
        kind = kindFor(random);
      }
      result.add(facility(index, municipality, kind));
    }
    return List.copyOf(result);
  }

  private static FacilityKind kindFor(Random random) {
    int roll = random.nextInt(100);
    if (roll < 8) {
      return FacilityKind.HOSPITAL;
    }
    if (roll < 50) {
      return FacilityKind.CLINIC;
    }
    if (roll < 62) {
      return FacilityKind.DENTAL_CLINIC;
    }
    return FacilityKind.PHARMACY;
  }

  private static FacilitySpec facility(int index, String municipality, FacilityKind kind) {
    String number = String.format("%03d", index);
    String label =
        switch (kind) {
          case HOSPITAL -> "病院";
          case CLINIC -> "診療所";
          case DENTAL_CLINIC -> "歯科診療所";
          case PHARMACY -> "薬局";
        };
    String kana =
        switch (kind) {
          case HOSPITAL -> "デモビョウイン";
          case CLINIC -> "デモシンリョウジョ";
          case DENTAL_CLINIC -> "デモシカシンリョウジョ";
          case PHARMACY -> "デモヤッキョク";
        };
    String place = OUTSIDE.getOrDefault(municipality, NAMES.nameOf(municipality).orElse(""));
    String address = place + "デモ町" + index + "番地（架空）";
    return new FacilitySpec(
        index,
        codeOf(municipality, kind, index),
        kind,
        "デモ" + label + " " + number,
        kana + " " + number,
        "000-" + String.format("%04d", index),
        address,
        municipality,
        "0000-00-" + String.format("%04d", index));
  }

  // ---- applications (form 別添1) from facilities outside the listed municipalities

  private static List<ApplicationSpec> applications(List<FacilitySpec> facilities) {
    List<FacilitySpec> outside =
        facilities.stream().filter(f -> OUTSIDE.containsKey(f.municipalityCode())).toList();
    List<ApplicationSpec> result = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      FacilitySpec f = outside.get(i);
      boolean approved = i < 4;
      LocalDate submitted = LocalDate.of(2024, 2, 15 + i);
      result.add(
          new ApplicationSpec(
              "demo-application-" + f.index(),
              f.code(),
              "能登半島地震の被災者（避難者）を受け入れており、服薬情報の確認が必要なため（デモ）",
              submitted.plusDays(1),
              LAST_DAY,
              at(submitted, 10, 0),
              approved,
              approved ? null : "被災者の受入れが確認できないため（デモ）",
              at(submitted.plusDays(1), 9, 0)));
    }
    return List.copyOf(result);
  }

  // ---- volume

  /**
   * Lookups per day, 2024-01-01 … 2024-03-31, summing to {@code total}: 1,550/32,000 by 01-04,
   * 22,000/32,000 in January, 29,500 by end of February, 31,300 by 03-07, the rest after.
   */
  static Map<LocalDate, Integer> dailyQuota(int total) {
    Map<LocalDate, Double> weight = new LinkedHashMap<>();
    double[] firstDays = {200, 380, 450, 520};
    for (int i = 0; i < 4; i++) {
      weight.put(FIRST_DAY.plusDays(i), firstDays[i]);
    }
    spread(weight, LocalDate.of(2024, 1, 5), LocalDate.of(2024, 1, 31), 20_450, 1.0, 0.5);
    spread(weight, LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29), 7_500, 1.0, 0.5);
    spread(weight, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 7), 1_800, 1.0, 0.8);
    spread(weight, LocalDate.of(2024, 3, 8), LAST_DAY, 700, 1.0, 0.6);
    double sum = weight.values().stream().mapToDouble(Double::doubleValue).sum();
    Map<LocalDate, Integer> quota = new LinkedHashMap<>();
    double cumulative = 0;
    long before = 0;
    for (var day : weight.entrySet()) {
      cumulative += day.getValue();
      long upTo = Math.round(total * cumulative / sum);
      quota.put(day.getKey(), (int) (upTo - before));
      before = upTo;
    }
    return quota;
  }

  /** Spreads {@code amount} over the days, falling linearly from {@code start} to {@code end}. */
  private static void spread(
      Map<LocalDate, Double> weight,
      LocalDate from,
      LocalDate until,
      double amount,
      double start,
      double end) {
    int n = (int) ChronoUnit.DAYS.between(from, until) + 1;
    double[] w = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      w[i] = start + (end - start) * i / Math.max(1, n - 1);
      sum += w[i];
    }
    for (int i = 0; i < n; i++) {
      weight.put(from.plusDays(i), amount * w[i] / sum);
    }
  }

  static Instant at(LocalDate day, int hour, int minute) {
    return day.atTime(LocalTime.of(hour, minute)).atZone(JapanTime.ZONE).toInstant();
  }

  private static <T> T pickFrom(Random random, List<T> list) {
    return list.get(random.nextInt(list.size()));
  }

  // ---- which regions are active on which day, from the notice series itself

  /** The region periods the series sets, flattened to days (the series has no gaps to model). */
  record RegionDays(List<String> regions, Map<String, LocalDate[]> periods) {
    static RegionDays of(NoticeSeries series) {
      Map<String, LocalDate[]> periods = new LinkedHashMap<>();
      for (var notice : series.notices()) {
        for (var action : notice.actions()) {
          for (String region : action.regions()) {
            switch (action.action()) {
              case "activate" ->
                  periods.put(region, new LocalDate[] {action.from(), action.until()});
              case "extend" -> periods.get(region)[1] = action.until();
              case "end" -> periods.get(region)[1] = action.lastDay();
              default -> throw new IllegalArgumentException(action.action());
            }
          }
        }
      }
      return new RegionDays(List.copyOf(periods.keySet()), periods);
    }

    boolean active(String region, LocalDate day) {
      LocalDate[] period = periods.get(region);
      return period != null && !day.isBefore(period[0]) && !day.isAfter(period[1]);
    }

    /** Ended before {@code day} (and not active again). */
    boolean ended(String region, LocalDate day) {
      LocalDate[] period = periods.get(region);
      return period != null && day.isAfter(period[1]);
    }
  }

  // ---- lookups

  private static final class Lookups {
    private static final String[] EXEMPTION_REASONS = {
      "意識障害があり本人の同意を得ることが困難なため（デモ）", "救急搬送時に意思表示ができない状態のため（デモ）", "重篤な状態で家族とも連絡が取れないため（デモ）"
    };
    private final Random random;
    private final List<FacilitySpec> facilities;
    private final List<ApplicationSpec> approved;
    private final RegionDays days;
    private final FacilitySpec suspicious;
    private final List<PatientVisit> visits = new ArrayList<>();
    private int patients;

    Lookups(
        Random random,
        List<FacilitySpec> facilities,
        List<ApplicationSpec> applications,
        RegionDays days) {
      this.random = random;
      this.facilities = facilities;
      this.approved = applications.stream().filter(ApplicationSpec::approved).toList();
      this.days = days;
      this.suspicious = facilities.get(SUSPICIOUS_INDEX - 1);
    }

    List<PatientVisit> plan(Map<LocalDate, Integer> quota) {
      for (var entry : quota.entrySet()) {
        LocalDate day = entry.getKey();
        int left = entry.getValue();
        left -= special(day, left);
        List<FacilitySpec> open = openOn(day);
        while (left > 0 && !open.isEmpty()) {
          int n = Math.min(left, 1 + (random.nextInt(10) < 5 ? 0 : random.nextInt(3)));
          left -= visit(day, pickFrom(random, open), n, Kind.roll(random));
        }
      }
      return List.copyOf(visits);
    }

    /** The planned oddities of a day; returns how many lookups they used. */
    private int special(LocalDate day, int budget) {
      int used = 0;
      // The suspicious clinic: about two lookups a day while 七尾市 is active, then a burst.
      if (days.active(suspicious.municipalityCode(), day)
          && day.isAfter(LocalDate.of(2024, 1, 4))) {
        int normal = day.equals(BURST_DAY) ? 0 : 1 + random.nextInt(2);
        for (int i = 0; i < normal && used < budget; i++) {
          used += visit(day, suspicious, 1, Kind.NORMAL);
        }
        if (day.equals(BURST_DAY)) {
          used += visit(day, suspicious, Math.min(8, budget - used), Kind.NORMAL);
          for (int i = 0; i < 22 && used < budget; i++) {
            used += visit(day, suspicious, 1, Kind.NORMAL);
          }
        }
      }
      // Lookups after a region's period ended: the facility tries anyway and is denied.
      int late = lateTries(day);
      List<FacilitySpec> ended =
          facilities.stream()
              .filter(f -> days.ended(f.municipalityCode(), day))
              .filter(f -> approved.stream().noneMatch(a -> a.facilityCode().equals(f.code())))
              .toList();
      for (int i = 0; i < late && used < budget && !ended.isEmpty(); i++) {
        used += visit(day, pickFrom(random, ended), 1, Kind.NORMAL);
      }
      return used;
    }

    private static int lateTries(LocalDate day) {
      if (day.isAfter(LocalDate.of(2024, 1, 7)) && day.isBefore(LocalDate.of(2024, 1, 21))) {
        return 3; // Toyama, Fukui and Niigata ended on 01-07
      }
      if (day.isAfter(LocalDate.of(2024, 2, 14)) && day.isBefore(LocalDate.of(2024, 2, 21))) {
        return 2; // 氷見市 ended on 02-14
      }
      if (day.isAfter(LocalDate.of(2024, 3, 7))) {
        return 8; // Ishikawa ended on 03-07
      }
      return 0;
    }

    private List<FacilitySpec> openOn(LocalDate day) {
      Set<String> individually =
          approved.stream()
              .filter(a -> !day.isBefore(a.from()) && !day.isAfter(a.until()))
              .map(ApplicationSpec::facilityCode)
              .collect(Collectors.toSet());
      return facilities.stream()
          .filter(f -> f != suspicious)
          .filter(f -> days.active(f.municipalityCode(), day) || individually.contains(f.code()))
          .toList();
    }

    private enum Kind {
      NORMAL,
      NO_CONSENT,
      WITHDRAWN;

      static Kind roll(Random random) {
        int roll = random.nextInt(1000);
        return roll < 5 ? NO_CONSENT : roll < 9 ? WITHDRAWN : NORMAL;
      }
    }

    /** Plans one patient's visit with {@code n} lookups; returns n. */
    private int visit(LocalDate day, FacilitySpec facility, int n, Kind kind) {
      if (n <= 0) {
        return 0;
      }
      int patient = ++patients;
      String key = String.format("%06d", patient);
      if (kind == Kind.WITHDRAWN && n < 2) {
        n = 2;
      }
      // Lookups between 07:00 and 21:00, a few minutes to an hour apart.
      int minute = 7 * 60 + random.nextInt(13 * 60);
      Instant consentAt = at(day, 0, 0).plus(minute, ChronoUnit.MINUTES);
      List<LookupSpec> lookups = new ArrayList<>();
      Instant t = consentAt;
      for (int i = 0; i < n; i++) {
        t = t.plus(2 + random.nextInt(i == 0 ? 10 : 40), ChronoUnit.MINUTES);
        ViewerRole role =
            facility.kind() == FacilityKind.PHARMACY
                ? ViewerRole.PHARMACIST
                : facility.kind() == FacilityKind.DENTAL_CLINIC
                    ? ViewerRole.DENTIST
                    : random.nextInt(10) == 0 ? ViewerRole.AUTHORIZED_STAFF : ViewerRole.DOCTOR;
        lookups.add(
            new LookupSpec(
                "demo-v-" + key + "-" + (i + 1),
                t,
                "demo-viewer-" + facility.index() + "-" + (1 + random.nextInt(3)),
                role,
                categories(facility.kind()),
                kind != Kind.NO_CONSENT));
      }
      ConsentSpec consent = null;
      if (kind != Kind.NO_CONSENT) {
        boolean exempt = random.nextInt(100) < 4;
        Instant withdrawnAt =
            kind == Kind.WITHDRAWN ? lookups.get(0).at().plus(1, ChronoUnit.MINUTES) : null;
        consent =
            new ConsentSpec(
                "demo-c-" + key,
                exempt ? ConsentBasis.EMERGENCY_EXEMPTION : ConsentBasis.ORAL,
                exempt ? Identification.FAMILY_INFO : identification(),
                exempt ? EXEMPTION_REASONS[random.nextInt(EXEMPTION_REASONS.length)] : null,
                consentAt,
                withdrawnAt);
      }
      visits.add(new PatientVisit("demo-patient-" + key, facility.code(), consent, lookups));
      return n;
    }

    private Identification identification() {
      int roll = random.nextInt(10);
      return roll < 6
          ? Identification.INSURED_NUMBER
          : roll < 9 ? Identification.FOUR_ATTRIBUTES : Identification.ID_DOCUMENT;
    }

    private List<InfoCategory> categories(FacilityKind kind) {
      return kind == FacilityKind.PHARMACY
          ? List.of(InfoCategory.MEDICATION, InfoCategory.DISPENSING)
          : random.nextBoolean()
              ? List.of(InfoCategory.MEDICATION)
              : List.of(InfoCategory.MEDICATION, InfoCategory.CLINICAL);
    }
  }
}
