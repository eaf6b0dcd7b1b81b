package jp.emergencyaccess.ledger.workbench;

/** What an alert is about; with the facility, the Japan day and the subject it names one alert. */
public enum AlertKind {
  /**
   * One patient looked up more often than the REPEATED_PATIENT flag allows (subject: patientRef).
   */
  REPEATED_PATIENT,
  /** A facility's lookups under the emergency exemption on one day (subject: the facility). */
  EMERGENCY_EXEMPTIONS,
  /** One viewer's denied lookups at one facility on one day (subject: the viewer). */
  DENIALS
}
