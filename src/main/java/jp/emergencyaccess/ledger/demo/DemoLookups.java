package jp.emergencyaccess.ledger.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import jp.emergencyaccess.ledger.access.InfoCategory;
import jp.emergencyaccess.ledger.access.ViewerRole;
import jp.emergencyaccess.ledger.consent.ConsentBasis;
import jp.emergencyaccess.ledger.consent.Identification;
import jp.emergencyaccess.ledger.demo.DemoPlan.ApplicationSpec;
import jp.emergencyaccess.ledger.demo.DemoPlan.ConsentSpec;
import jp.emergencyaccess.ledger.demo.DemoPlan.FacilitySpec;
import jp.emergencyaccess.ledger.demo.DemoPlan.LookupSpec;
import jp.emergencyaccess.ledger.demo.DemoPlan.PatientVisit;
import jp.emergencyaccess.ledger.facility.FacilityKind;

/**
 * Plans the patients and their lookups day by day: first the planned oddities of the day (the
 * suspicious clinic, lookups after a region ended), then ordinary patients at facilities open that
 * day, until the day's quota is used.
 */
final class DemoLookups {
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

  DemoLookups(
      Random random,
      List<FacilitySpec> facilities,
      List<ApplicationSpec> applications,
      RegionDays days) {
    this.random = random;
    this.facilities = facilities;
    this.approved = applications.stream().filter(ApplicationSpec::approved).toList();
    this.days = days;
    this.suspicious = facilities.get(DemoPlan.SUSPICIOUS_INDEX - 1);
  }

  List<PatientVisit> plan(Map<LocalDate, Integer> quota) {
    for (var entry : quota.entrySet()) {
      LocalDate day = entry.getKey();
      int left = entry.getValue();
      left -= special(day, left);
      List<FacilitySpec> open = openOn(day);
      while (left > 0 && !open.isEmpty()) {
        int n = Math.min(left, 1 + (random.nextInt(10) < 5 ? 0 : random.nextInt(3)));
        left -= visit(day, DemoPlan.pickFrom(random, open), n, Kind.roll(random));
      }
    }
    return List.copyOf(visits);
  }

  /** The planned oddities of a day; returns how many lookups they used. */
  private int special(LocalDate day, int budget) {
    int used = 0;
    // The suspicious clinic: about two lookups a day while 七尾市 is active, then a burst.
    if (days.active(suspicious.municipalityCode(), day) && day.isAfter(LocalDate.of(2024, 1, 4))) {
      int normal = day.equals(DemoPlan.BURST_DAY) ? 0 : 1 + random.nextInt(2);
      for (int i = 0; i < normal && used < budget; i++) {
        used += visit(day, suspicious, 1, Kind.NORMAL);
      }
      if (day.equals(DemoPlan.BURST_DAY)) {
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
      used += visit(day, DemoPlan.pickFrom(random, ended), 1, Kind.NORMAL);
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
    Instant consentAt = DemoPlan.at(day, 0, 0).plus(minute, ChronoUnit.MINUTES);
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
