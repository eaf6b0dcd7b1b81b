package jp.emergencyaccess.ledger.activation;

import java.util.List;

/**
 * An access decision: allowed when no reason failed. {@code basis} is every period that activated
 * the facility at the view's instant (empty when none did); {@link #coveredBy()} the first of them.
 */
public record Judgement(boolean allowed, List<String> reasons, List<CoverageBasis> basis) {
  public Judgement {
    reasons = List.copyOf(reasons);
    basis = List.copyOf(basis);
  }

  public String decision() {
    return allowed ? "ALLOWED" : "DENIED";
  }

  public CoverageBasis coveredBy() {
    return basis.isEmpty() ? null : basis.get(0);
  }
}
