package jp.emergencyaccess.ledger.workbench;

/** Where an alert stands in triage: NEW → UNDER_REVIEW → DISMISSED or ESCALATED. */
public enum AlertStatus {
  NEW,
  UNDER_REVIEW,
  DISMISSED,
  ESCALATED
}
