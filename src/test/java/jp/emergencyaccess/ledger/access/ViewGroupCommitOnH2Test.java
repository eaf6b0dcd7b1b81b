package jp.emergencyaccess.ledger.access;

import java.util.Optional;
import jp.emergencyaccess.ledger.support.OnH2;

@OnH2
class ViewGroupCommitOnH2Test extends ViewGroupCommitScenarios {
  /** H2 keeps no per-row transaction id; the PostgreSQL variant checks the grouping itself. */
  @Override
  protected Optional<Long> writingTransactions(String... aggregateIds) {
    return Optional.empty();
  }
}
