package jp.emergencyaccess.ledger.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Random;
import jp.emergencyaccess.ledger.access.InfoCategory;
import jp.emergencyaccess.ledger.access.ViewerRole;
import jp.emergencyaccess.ledger.activation.NoticeSeries;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.consent.ConsentBasis;
import jp.emergencyaccess.ledger.consent.Identification;
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
    List<FacilitySpec> facilities = DemoFacilities.facilities(random, days.regions());
    List<ApplicationSpec> applications = DemoFacilities.applications(facilities);
    List<PatientVisit> visits =
        new DemoLookups(random, facilities, applications, days)
            .plan(DemoVolume.dailyQuota(lookups));
    return new DemoPlan(facilities, applications, visits);
  }

  static Instant at(LocalDate day, int hour, int minute) {
    return day.atTime(LocalTime.of(hour, minute)).atZone(JapanTime.ZONE).toInstant();
  }

  static <T> T pickFrom(Random random, List<T> list) {
    return list.get(random.nextInt(list.size()));
  }
}
