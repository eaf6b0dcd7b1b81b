package jp.emergencyaccess.ledger.workbench;

/** Why an alert was dismissed after review. */
public enum DismissReason {
  /** The lookups were part of the patient's care. */
  CLINICALLY_JUSTIFIED,
  /** A disaster or emergency explains the exemptions or the volume. */
  DISASTER_RESPONSE,
  /** Test data, a wrong entry or a system fault, not a person's lookups. */
  DATA_ERROR,
  /** Another alert covers the same lookups. */
  DUPLICATE,
  OTHER
}
