package jp.emergencyaccess.ledger.activation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.emergencyaccess.ledger.common.RegionCode;
import jp.emergencyaccess.ledger.facility.FacilityDirectory;
import jp.emergencyaccess.ledger.facility.FacilitySummary;
import org.springframework.stereotype.Service;

/**
 * Is a facility switched on at an instant? It is when a period of its municipality or of its
 * prefecture covers the instant, or one of its own individual periods does, and it was registered
 * by then: before its registration's {@code at} it is not active, with reason FACILITY_UNKNOWN (its
 * municipality's periods are still named in {@code basis}).
 *
 * <p>Called for every lookup, so it folds only the changes of those three subjects, read by index
 * in one statement in the caller's transaction (the decision's own): one primary-key read of the
 * facility, no table scan, no copy kept between calls.
 */
@Service
public class FacilityCoverage {
  private final ActivationQueries activation;
  private final FacilityDirectory facilities;

  public FacilityCoverage(ActivationQueries activation, FacilityDirectory facilities) {
    this.activation = activation;
    this.facilities = facilities;
  }

  /** By code; an unregistered facility is not active, with reason FACILITY_UNKNOWN. */
  public Coverage of(String facilityCode, Instant at, AsOf asOf) {
    return facilities
        .find(facilityCode)
        .map(f -> of(f, at, asOf))
        .orElseGet(
            () ->
                new Coverage(
                    facilityCode, at, false, List.of(), List.of(Coverage.FACILITY_UNKNOWN)));
  }

  public Coverage of(FacilitySummary facility, Instant at, AsOf asOf) {
    RegionCode municipality = new RegionCode(facility.municipalityCode());
    List<ActivePeriod> covering =
        activation.facilityCoverage(municipality, facility.facilityCode(), at, asOf.filter());
    List<CoverageBasis> basis = covering.stream().map(p -> CoverageBasis.of(p, at)).toList();
    List<String> reasons = new ArrayList<>();
    if (!facility.registeredBy(at)) {
      reasons.add(Coverage.FACILITY_UNKNOWN);
    }
    if (basis.isEmpty()) {
      reasons.add(Coverage.NOT_ACTIVATED);
    }
    return new Coverage(facility.facilityCode(), at, reasons.isEmpty(), basis, reasons);
  }
}
