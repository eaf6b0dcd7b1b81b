package jp.emergencyaccess.ledger.access;

import java.util.Optional;
import jp.emergencyaccess.ledger.support.OnPostgres;

@OnPostgres
class ViewGroupCommitOnPostgresTest extends ViewGroupCommitScenarios {
  /** Rows inserted by one transaction share its id, {@code xmin}. */
  @Override
  protected Optional<Long> writingTransactions(String... aggregateIds) {
    String marks = String.join(", ", java.util.Collections.nCopies(aggregateIds.length, "?"));
    return Optional.of(
        jdbc.queryForObject(
            "select count(distinct xmin::text) from domainevententry"
                + " where aggregateidentifier in ("
                + marks
                + ")",
            Long.class,
            (Object[]) aggregateIds));
  }
}
