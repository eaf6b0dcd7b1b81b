package jp.emergencyaccess.ledger.support;

import java.util.concurrent.atomic.AtomicInteger;
import jp.emergencyaccess.ledger.common.RegionCode;

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
}
