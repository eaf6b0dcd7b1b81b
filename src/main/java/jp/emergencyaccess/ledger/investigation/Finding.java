package jp.emergencyaccess.ledger.investigation;

/** What an inquiry found when it was closed. */
public enum Finding {
  NO_VIOLATION,
  VIOLATION
}
