package jp.emergencyaccess.ledger.facility;

/** What a facility is, and the score-table number its code must carry. */
public enum FacilityKind {
  HOSPITAL('1'),
  CLINIC('1'),
  DENTAL_CLINIC('3'),
  PHARMACY('4');

  private final char scoreTable;

  FacilityKind(char scoreTable) {
    this.scoreTable = scoreTable;
  }

  public char scoreTable() {
    return scoreTable;
  }
}
