package jp.emergencyaccess.ledger.web;

import jp.emergencyaccess.ledger.support.OnPostgres;

/** A smaller share on PostgreSQL, where NUL and lone surrogates once met the store itself. */
@OnPostgres
class MalformedRequestsOnPostgresTest extends MalformedRequestScenarios {
  @Override
  protected int requests() {
    return Integer.getInteger("ledger.fuzz.requests.postgres", 2_000);
  }
}
