package jp.emergencyaccess.ledger.investigation;

import java.util.List;

/**
 * The latest attempts of a patient at a facility, by instant, with their flags: the {@code
 * maxAttempts + 1} latest ({@link FacilityWindow}). For new attempts no earlier than the latest of
 * these, they are all the stored attempts that matter: a new attempt's window holds at most these
 * of the stored ones before the count passes {@code maxAttempts}, and a stored attempt whose window
 * a new one enters lies at the latest instant and, unless already flagged, is among them.
 */
record RecentAttempts(List<RepeatJudge.Stored> attempts) {
  long lastAtMs() {
    return attempts.isEmpty() ? Long.MIN_VALUE : attempts.get(attempts.size() - 1).atMs();
  }
}
