package jp.emergencyaccess.ledger.activation;

import java.time.Instant;
import java.util.List;

/**
 * Whether a facility is switched on at an instant, and why: {@code basis} names every period that
 * covers it (its municipality's, its prefecture's, its own); {@code reasons} says why not ({@code
 * FACILITY_UNKNOWN}, {@code NOT_ACTIVATED}).
 */
public record Coverage(
    String facilityCode,
    Instant at,
    boolean active,
    List<CoverageBasis> basis,
    List<String> reasons) {
  public static final String FACILITY_UNKNOWN = "FACILITY_UNKNOWN";
  public static final String NOT_ACTIVATED = "NOT_ACTIVATED";

  /** The first basis (municipality, then prefecture, then the facility's own), or null. */
  public CoverageBasis coveredBy() {
    return basis.isEmpty() ? null : basis.get(0);
  }
}
