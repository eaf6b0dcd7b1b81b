package jp.emergencyaccess.ledger.access;

/**
 * Why a lookup was denied (SPEC §5); a denial carries every reason that applies, in the order
 * declared here.
 */
public enum DenialReason {
  /** The facility is not registered. */
  FACILITY_UNKNOWN,
  /** The facility's service was suspended or stopped (terms of use Art. 25–26) at that instant. */
  FACILITY_SUSPENDED,
  /**
   * Neither a region period (municipality or prefecture) nor an individual activation covers it.
   */
  NOT_ACTIVATED,
  /**
   * No consent was cited, or the cited consent did not exist (was not yet recorded) at that
   * instant.
   */
  CONSENT_MISSING,
  /** The cited consent belongs to another facility or another patient. */
  CONSENT_MISMATCH,
  /** The cited consent was withdrawn before that instant. */
  CONSENT_WITHDRAWN
}
