package jp.emergencyaccess.ledger.history;

/** What an investigator should look at twice on an access row (SPEC §6). */
public enum AccessFlag {
  /** The lookup relied on the exemption (no consent: life or body at stake). */
  EMERGENCY_EXEMPTION,
  /** The lookup was denied. */
  DENIED,
  /** The same patient was looked up more than N times within a window at this facility. */
  REPEATED_PATIENT,
  /**
   * The lookup fell on a day with more than F × the facility's median daily count, or a ceiling.
   */
  HIGH_VOLUME
}
