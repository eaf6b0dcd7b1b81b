package jp.emergencyaccess.ledger.history;

import java.time.LocalDate;
import jp.emergencyaccess.ledger.access.Lookup;
import jp.emergencyaccess.ledger.common.JapanTime;

/**
 * One new row of the access history as a {@link HistoryListener} sees it: the lookup, and whether
 * the history flagged it REPEATED_PATIENT.
 */
public record WrittenLookup(Lookup lookup, boolean repeated) {

  /** The lookup's day in Japan. */
  public LocalDate day() {
    return JapanTime.dateOf(lookup.at());
  }
}
