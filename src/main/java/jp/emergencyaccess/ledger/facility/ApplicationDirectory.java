package jp.emergencyaccess.ledger.facility;

import java.util.List;
import java.util.Optional;

/** The applications the ledger holds, with their decisions. */
public interface ApplicationDirectory {
  Optional<ApplicationSummary> find(String applicationId);

  /**
   * At most {@code limit} applications in that state: the undecided oldest submission first (the
   * order MHLW works through them), the decided latest decision first.
   */
  List<ApplicationSummary> list(ApplicationSummary.Status status, int limit);
}
