package jp.emergencyaccess.ledger.infra;

/** The kinds of account of SPEC §4 and §10. */
public enum Role {
  /** The health ministry: notices, activation, facilities, decisions. */
  MHLW,
  /** The implementing bodies (実施機関): inquiries and the Art. 25–26 measures. */
  FUND,
  /** One medical institution or pharmacy, bound to its facility code. */
  FACILITY,
  /** Monitoring: stream, metrics, activation state. */
  MONITOR,
  /**
   * A patient portal's system account: only a patient's own access report and the AuditEvent search
   * of one patient (patientreport).
   */
  PORTAL;

  public String authority() {
    return "ROLE_" + name();
  }
}
