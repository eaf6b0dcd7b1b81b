package jp.emergencyaccess.ledger.facility;

/** What a facility is, and the score-table number its code must carry. */
public enum FacilityKind {
  HOSPITAL('1', "病院"),
  CLINIC('1', "診療所"),
  DENTAL_CLINIC('3', "歯科診療所"),
  PHARMACY('4', "薬局");

  private final char scoreTable;
  private final String japanese;

  FacilityKind(char scoreTable, String japanese) {
    this.scoreTable = scoreTable;
    this.japanese = japanese;
  }

  /** The kind as officials write it (病院, 診療所 …). */
  public String japanese() {
    return japanese;
  }

  public char scoreTable() {
    return scoreTable;
  }
}
