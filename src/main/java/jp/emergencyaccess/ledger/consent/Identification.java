package jp.emergencyaccess.ledger.consent;

/** How the facility identified the patient before resolving the insured-person key. */
public enum Identification {
  /** By the insured-person number (被保険者番号). */
  INSURED_NUMBER,
  /** By name, birth date, sex and insurer name or part of the address (4情報). */
  FOUR_ATTRIBUTES,
  /** By an identity document. */
  ID_DOCUMENT,
  /** By information from the patient's family. */
  FAMILY_INFO
}
