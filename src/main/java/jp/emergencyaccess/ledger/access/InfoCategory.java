package jp.emergencyaccess.ledger.access;

/** The kinds of medical information a lookup asks for. */
public enum InfoCategory {
  MEDICATION,
  HEALTH_CHECKUP,
  CLINICAL,
  PRESCRIPTION,
  DISPENSING
}
