package jp.emergencyaccess.ledger.web;

import jp.emergencyaccess.ledger.support.OnPostgres;

@OnPostgres
class InputRefusalOnPostgresTest extends InputRefusalScenarios {}
