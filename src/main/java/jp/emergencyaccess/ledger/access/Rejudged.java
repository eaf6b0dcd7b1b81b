package jp.emergencyaccess.ledger.access;

import java.util.List;

/**
 * A recorded lookup judged again: its reasons under the other activation state (empty when it would
 * be allowed) and the activation that would cover it, or null.
 */
public record Rejudged(List<DenialReason> reasons, CoveredBy coveredBy) {
  public Rejudged {
    reasons = List.copyOf(reasons);
  }

  public Decision decision() {
    return reasons.isEmpty() ? Decision.ALLOWED : Decision.DENIED;
  }
}
