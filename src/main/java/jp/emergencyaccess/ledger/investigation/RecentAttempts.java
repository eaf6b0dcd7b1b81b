package jp.emergencyaccess.ledger.investigation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The latest attempts of a patient at a facility, kept with the patient ({@code
 * access_patient.recent}, V53): the {@code maxAttempts + 1} latest by instant, with their flags.
 * For new attempts no earlier than the latest stored one, they are all the stored attempts that
 * matter: a new attempt's window holds at most these of the stored ones before the count passes
 * {@code maxAttempts}, and a stored attempt whose window a new one enters lies at the latest
 * instant and, unless already flagged, is among them.
 */
record RecentAttempts(List<RepeatJudge.Stored> attempts) {
  long lastAtMs() {
    return attempts.isEmpty() ? Long.MIN_VALUE : attempts.get(attempts.size() - 1).atMs();
  }

  /** The text kept, or null (not kept) if a view id would break it. */
  String encode() {
    if (attempts.stream().anyMatch(a -> a.viewId().contains(",") || a.viewId().contains(";"))) {
      return null;
    }
    return attempts.stream()
        .map(a -> a.atMs() + "," + a.viewId() + "," + (a.repeated() ? 1 : 0))
        .collect(Collectors.joining(";"));
  }

  static RecentAttempts decode(String text) {
    if (text == null) {
      return null;
    }
    List<RepeatJudge.Stored> attempts = new ArrayList<>();
    for (String entry : text.isEmpty() ? new String[0] : text.split(";")) {
      String[] parts = entry.split(",");
      attempts.add(
          new RepeatJudge.Stored(parts[1], Long.parseLong(parts[0]), "1".equals(parts[2])));
    }
    return new RecentAttempts(attempts);
  }
}
