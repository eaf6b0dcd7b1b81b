package jp.emergencyaccess.ledger.workbench;

/** What the cross-facility ranking orders by, highest first. */
public enum RankingMeasure {
  /** Lookups with a row flag: denied, under the emergency exemption, or of a repeated patient. */
  FLAGGED,
  /** Lookups under the emergency exemption, as a share of the facility's lookups. */
  EXEMPTION_SHARE,
  /** Denied lookups, as a share of the facility's lookups. */
  DENIAL_SHARE
}
