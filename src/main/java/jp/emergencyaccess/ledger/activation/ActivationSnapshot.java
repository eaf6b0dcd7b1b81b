package jp.emergencyaccess.ledger.activation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every recorded change, in recording order, and the same changes grouped by subject. */
record ActivationSnapshot(
    List<ActivationChange> all, Map<String, List<ActivationChange>> bySubject) {

  static ActivationSnapshot of(List<ActivationChange> changes) {
    Map<String, List<ActivationChange>> bySubject = new HashMap<>();
    for (ActivationChange c : changes) {
      bySubject
          .computeIfAbsent(ActivationFold.key(c.kind(), c.subject()), k -> new ArrayList<>())
          .add(c);
    }
    bySubject.replaceAll((k, v) -> List.copyOf(v));
    return new ActivationSnapshot(List.copyOf(changes), Map.copyOf(bySubject));
  }

  List<ActivationChange> of(ActivationChange.Kind kind, String subject) {
    return bySubject.getOrDefault(ActivationFold.key(kind, subject), List.of());
  }
}
