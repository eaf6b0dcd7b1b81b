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
  private static final AtomicInteger MUNICIPALITIES_UP = new AtomicInteger();
  private static final AtomicInteger MUNICIPALITIES_DOWN = new AtomicInteger();

  /**
   * Municipalities that tests name themselves (Naha, Kagoshima city, the workbench's twelve), so
   * {@link #municipality()} never hands them out.
   */
  private static final java.util.Set<String> NAMED =
      java.util.Set.of(
          "47201", "46201", "46180", "46181", "46182", "46183", "46184", "46185", "46186", "46187",
          "46188", "46189", "46190", "46191");

  private static final AtomicInteger ACCOUNTS = new AtomicInteger();

  private TestCodes() {}

  /**
   * A municipality code that no other test uses, in a prefecture that tests never activate as a
   * whole (Okinawa, 47, and Kagoshima, 46).
   */
  public static String municipality() {
    return fresh(MUNICIPALITIES_DOWN, -1);
  }

  /** A fresh municipality code in Okinawa (47), the prefecture of {@link #facilityCode}. */
  public static String okinawaMunicipality() {
    return fresh(MUNICIPALITIES_UP, +1);
  }

  /**
   * A medical institution code that no other test uses, in Okinawa (47), with the given score-table
   * number (1 medical, 3 dental, 4 pharmacy) and a correct check digit. District 91–99 is left to
   * these tests (district 90 belongs to the access-NN accounts).
   */
  public static String facilityCode(char table) {
    int n = NEXT.incrementAndGet();
    String nine = String.format("47%c%02d%04d", table, 91 + (n / 10_000) % 9, n % 10_000);
    return nine + FacilityCode.checkDigit(nine);
  }

  /** Naha (那覇市), a municipality in the prefecture of {@link #facilityCode}. */
  public static final String NAHA = "472018";

  /**
   * The 1,800 codes 47100 … 47999, 46100 … 46999 as one row: Okinawa's are drawn from its start,
   * any others from its end, and never one twice (two tests would share a region's state).
   */
  private static String fresh(AtomicInteger drawn, int direction) {
    while (true) {
      int n = drawn.incrementAndGet();
      int index = direction > 0 ? n - 1 : 1800 - n;
      if (MUNICIPALITIES_UP.get() + MUNICIPALITIES_DOWN.get() > 1800
          || (direction > 0 && index >= 900)) {
        throw new IllegalStateException(
            "the test municipalities are used up: add codes to test-municipalities.csv");
      }
      String five = String.format("%02d%03d", 47 - index / 900, 100 + index % 900);
      if (!NAMED.contains(five)) {
        return five + RegionCode.checkDigit(five);
      }
    }
  }

  /**
   * The next of the FACILITY test accounts access-01 … access-100 (application-test.yml), each
   * bound to its own Okinawa facility code: one per scenario, so no two tests share a facility.
   */
  public static String facilityAccount() {
    int n = ACCOUNTS.incrementAndGet();
    if (n > 100) {
      throw new IllegalStateException("add more access-NN accounts to application-test.yml");
    }
    return String.format("access-%02d", n);
  }

  /** The facility code application-test.yml binds to access-NN: 4719 + (100 + NN) + check digit. */
  public static String facilityCodeOf(String account) {
    int n = Integer.parseInt(account.substring("access-".length()));
    String nine = String.format("4719%05d", 100 + n);
    return nine + FacilityCode.checkDigit(nine);
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
