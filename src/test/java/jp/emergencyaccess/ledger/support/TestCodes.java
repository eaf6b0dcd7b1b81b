package jp.emergencyaccess.ledger.support;

import java.util.concurrent.atomic.AtomicInteger;
import jp.emergencyaccess.ledger.common.RegionCode;
import jp.emergencyaccess.ledger.facility.FacilityCode;

/**
 * Fresh, valid identifiers for tests that share one application context, so no two tests touch the
 * same region, notice or series.
 */
public final class TestCodes {
  private static final AtomicInteger NEXT = new AtomicInteger();

  private TestCodes() {}

  /**
   * A municipality code that no other test uses, in a prefecture that tests never activate as a
   * whole (Okinawa, 47, and Kagoshima, 46).
   */
  public static String municipality() {
    int n = NEXT.incrementAndGet();
    int prefecture = 47 - (n / 900) % 2;
    String five = String.format("%02d%03d", prefecture, 100 + n % 900);
    return five + RegionCode.checkDigit(five);
  }

  public static String noticeId(String prefix) {
    return prefix + "-" + NEXT.incrementAndGet();
  }

  public static String series() {
    return "series-" + NEXT.incrementAndGet();
  }

  /**
   * A medical facility code (score table 1) in Kagoshima (46) that no other test uses; register it
   * with {@link #KAGOSHIMA_CITY} as its municipality.
   */
  public static String facilityCode() {
    String nine = String.format("461%06d", 500_000 + NEXT.incrementAndGet());
    return nine + FacilityCode.checkDigit(nine);
  }

  /** Kagoshima city (鹿児島市), in the prefecture of {@link #facilityCode()}. */
  public static final String KAGOSHIMA_CITY = "462012";
}
