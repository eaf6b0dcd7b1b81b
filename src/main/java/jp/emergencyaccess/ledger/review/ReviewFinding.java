package jp.emergencyaccess.ledger.review;

/** What the reviewer concluded about the facility's logs of the period. */
public enum ReviewFinding {
  NO_ISSUES("問題なし"),
  /** Something was wrong and is named in the note; the review itself is the record of it. */
  ISSUES_FOUND("問題あり"),
  /** Not settled by reading the logs: an alert, a drill-down or an inquiry is to follow. */
  FOLLOW_UP_NEEDED("要追加確認");

  private final String japanese;

  ReviewFinding(String japanese) {
    this.japanese = japanese;
  }

  /** The finding as the implementing bodies write it in their review records. */
  public String japanese() {
    return japanese;
  }
}
