package jp.emergencyaccess.ledger.review;

import jp.emergencyaccess.ledger.support.OnPostgres;

@OnPostgres
class ReviewOnPostgresTest extends ReviewScenarios {}
