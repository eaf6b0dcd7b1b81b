package jp.emergencyaccess.ledger.monitoring;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import jp.emergencyaccess.ledger.common.RegionCode;

/**
 * Which events one subscriber wants: by type name, by facility, by region. A prefecture matches its
 * municipalities; a facility-level event matches the region its facility is in. Null criteria match
 * everything.
 */
public record StreamFilter(Set<String> types, String facility, RegionCode region) {
  public static final StreamFilter ALL = new StreamFilter(null, null, null);

  /** Binds the filter to a way of finding a facility's municipality (cached per subscriber). */
  public Matcher matcher(Function<String, String> municipalityOfFacility) {
    return new Matcher(this, municipalityOfFacility);
  }

  public static final class Matcher {
    private final StreamFilter filter;
    private final Function<String, String> municipalityOfFacility;
    private final Map<String, String> municipalities = new HashMap<>();

    private Matcher(StreamFilter filter, Function<String, String> municipalityOfFacility) {
      this.filter = filter;
      this.municipalityOfFacility = municipalityOfFacility;
    }

    public boolean matches(Envelope event) {
      if (filter.types() != null && !filter.types().contains(event.type())) {
        return false;
      }
      if (filter.facility() != null && !filter.facility().equals(event.facilityCode())) {
        return false;
      }
      return filter.region() == null || inRegion(event, filter.region());
    }

    private boolean inRegion(Envelope event, RegionCode region) {
      if (event.regionCode() != null) {
        return covers(region, event.regionCode());
      }
      if (event.facilityCode() == null) {
        return false;
      }
      String municipality =
          event.municipalityCode() != null
              ? event.municipalityCode()
              : municipalities.computeIfAbsent(event.facilityCode(), municipalityOfFacility);
      if (municipality != null) {
        return covers(region, municipality);
      }
      // Unknown facility: its code still names its prefecture.
      return region.isPrefecture()
          && event.facilityCode().startsWith(region.value().substring(0, 2));
    }

    private static boolean covers(RegionCode region, String code) {
      if (region.value().equals(code)) {
        return true;
      }
      return region.isPrefecture()
          && code.length() == 6
          && code.startsWith(region.value().substring(0, 2));
    }
  }
}
