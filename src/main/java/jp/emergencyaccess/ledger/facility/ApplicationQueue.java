package jp.emergencyaccess.ledger.facility;

import java.util.List;

/**
 * The applications by state, for the officials who work through them; the decisions' rules need
 * only {@link ApplicationDirectory}.
 */
public interface ApplicationQueue {
  /**
   * At most {@code limit} applications in that state: the undecided oldest submission first (the
   * order MHLW works through them), the decided latest decision first.
   */
  List<ApplicationSummary> list(ApplicationSummary.Status status, int limit);
}
