package jp.emergencyaccess.ledger.console;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import jp.emergencyaccess.ledger.activation.ActivationChange;
import jp.emergencyaccess.ledger.activation.NoticeDiff;

/** What a revision changed, in words: "七尾市: 2/29 → 3/7 延長". */
final class RevisionWords {
  private RevisionWords() {}

  static List<String> of(NoticeDiff diff, Function<String, String> regionName) {
    List<String> lines = new ArrayList<>();
    for (ActivationChange c : diff.activated()) {
      lines.add(
          regionName.apply(c.subject())
              + ": "
              + NoticeLabels.day(c.from())
              + "〜"
              + NoticeLabels.day(c.until())
              + " 開始");
    }
    for (ActivationChange c : diff.extended()) {
      lines.add(moved(regionName.apply(c.subject()), c, "延長"));
    }
    for (ActivationChange c : diff.ended()) {
      lines.add(moved(regionName.apply(c.subject()), c, "終了"));
    }
    for (ActivationChange c : diff.facilitiesSwitchedOn()) {
      String what = c.change() == ActivationChange.Change.ACTIVATED ? "個別に開始" : "個別に延長";
      lines.add(
          "施設 "
              + c.subject()
              + ": "
              + NoticeLabels.day(c.from())
              + "〜"
              + NoticeLabels.day(c.until())
              + " "
              + what
              + "（申出 "
              + c.applicationId()
              + "）");
    }
    return lines;
  }

  private static String moved(String name, ActivationChange c, String word) {
    return name
        + ": "
        + NoticeLabels.day(c.previousUntil())
        + " → "
        + NoticeLabels.day(c.until())
        + " "
        + word;
  }
}
