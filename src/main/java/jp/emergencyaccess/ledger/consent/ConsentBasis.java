package jp.emergencyaccess.ledger.consent;

/** On what ground the facility may look up the patient's information. */
public enum ConsentBasis {
  /** The patient consented orally. */
  ORAL,
  /**
   * No consent: life or body at stake and consent hard to obtain (privacy act Art. 20(2)(ii)); the
   * record must say why.
   */
  EMERGENCY_EXEMPTION
}
