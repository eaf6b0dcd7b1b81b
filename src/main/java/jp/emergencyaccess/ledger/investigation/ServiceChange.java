package jp.emergencyaccess.ledger.investigation;

/** A change of a facility's service under Art. 25–26; each takes effect from its {@code at}. */
public enum ServiceChange {
  SUSPENDED,
  STOPPED,
  RESUMED;

  /** Whether lookups are refused while this change is the latest in force. */
  public boolean outOfService() {
    return this != RESUMED;
  }
}
