package jp.emergencyaccess.ledger.access;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import jp.emergencyaccess.ledger.activation.ActivationChange;
import jp.emergencyaccess.ledger.activation.ActivationQueries;
import jp.emergencyaccess.ledger.activation.ActivePeriod;
import jp.emergencyaccess.ledger.common.RegionCode;
import org.springframework.stereotype.Component;

/**
 * Which activation covers a facility at an instant: a period of its municipality, then of its
 * prefecture, then its own individual activation. A stop-gap over {@link ActivationQueries} (three
 * small indexed reads of the compact activation table, never a fold of the whole table): the
 * facility-coverage service of the applications feature replaces this one class at merge time.
 */
@Component
public class ActivationCoverage {
  private final ActivationQueries activation;

  /** Municipality → its prefecture's code (a few thousand entries at most; parsing is not free). */
  private final Map<String, String> prefectures = new ConcurrentHashMap<>();

  public ActivationCoverage(ActivationQueries activation) {
    this.activation = activation;
  }

  /**
   * @param municipalityCode the facility's municipality, or null when the facility is not
   *     registered (then only an individual activation can cover it)
   */
  public Optional<CoveredBy> coveredBy(String facilityCode, String municipalityCode, Instant at) {
    if (municipalityCode != null) {
      String prefecture =
          prefectures.computeIfAbsent(
              municipalityCode, code -> new RegionCode(code).prefecture().value());
      Optional<ActivePeriod> region =
          Stream.of(municipalityCode, prefecture)
              .distinct()
              .flatMap(code -> covering(ActivationChange.Kind.REGION, code, at))
              .findFirst();
      if (region.isPresent()) {
        return Optional.of(CoveredBy.region(region.get().subject(), region.get().noticeId()));
      }
    }
    return covering(ActivationChange.Kind.FACILITY, facilityCode, at)
        .findFirst()
        .map(p -> CoveredBy.facility(p.applicationId()));
  }

  private Stream<ActivePeriod> covering(ActivationChange.Kind kind, String subject, Instant at) {
    return activation.periodsOf(kind, subject, c -> true).stream().filter(p -> p.covers(at));
  }
}
