package jp.emergencyaccess.ledger.activation;

import java.util.List;

/**
 * An access decision: allowed when no reason failed. {@code coveredBy} is what activated the
 * facility at the view's instant (empty when nothing did).
 */
public record Judgement(boolean allowed, List<String> reasons, List<ActivePeriod> coveredBy) {
  public static final String NOT_ACTIVATED = "NOT_ACTIVATED";

  public Judgement {
    reasons = List.copyOf(reasons);
    coveredBy = List.copyOf(coveredBy);
  }

  public String decision() {
    return allowed ? "ALLOWED" : "DENIED";
  }
}
