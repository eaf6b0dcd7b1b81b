/**
 * The investigator's workbench (docs/workbench.md): alerts raised from the access history's flags
 * ({@link jp.emergencyaccess.ledger.workbench.AlertJudge}), their triage on the {@link
 * jp.emergencyaccess.ledger.workbench.Alert} aggregate, and the queue read model.
 */
package jp.emergencyaccess.ledger.workbench;
