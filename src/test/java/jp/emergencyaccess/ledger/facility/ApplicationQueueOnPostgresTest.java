package jp.emergencyaccess.ledger.facility;

import jp.emergencyaccess.ledger.support.OnPostgres;

@OnPostgres
class ApplicationQueueOnPostgresTest extends ApplicationQueueScenarios {}
