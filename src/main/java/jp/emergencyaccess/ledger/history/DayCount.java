package jp.emergencyaccess.ledger.history;

import java.time.LocalDate;

/**
 * One Japan day of a facility's lookups, from the running counts: all attempts, the allowed ones,
 * and those under the emergency exemption (allowed or not).
 */
public record DayCount(LocalDate day, long attempts, long allowed, long exemption) {
  public long denied() {
    return attempts - allowed;
  }
}
