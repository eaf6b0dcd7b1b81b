package jp.emergencyaccess.ledger.access;

/** Who at the facility looked the information up. */
public enum ViewerRole {
  DOCTOR,
  DENTIST,
  PHARMACIST,
  AUTHORIZED_STAFF
}
