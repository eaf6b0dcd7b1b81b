package jp.emergencyaccess.ledger.infra;

/** The four kinds of account of SPEC §4. */
public enum Role {
  /** The health ministry: notices, activation, facilities, decisions. */
  MHLW,
  /** The implementing bodies (実施機関): inquiries and the Art. 25–26 measures. */
  FUND,
  /** One medical institution or pharmacy, bound to its facility code. */
  FACILITY,
  /** Monitoring: stream, metrics, activation state. */
  MONITOR;

  public String authority() {
    return "ROLE_" + name();
  }
}
