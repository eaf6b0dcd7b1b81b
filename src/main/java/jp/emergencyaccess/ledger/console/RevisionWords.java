package jp.emergencyaccess.ledger.console;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import jp.emergencyaccess.ledger.activation.ActivationChange;
import jp.emergencyaccess.ledger.activation.NoticeDiff;

/**
 * What a revision changed, in words: "七尾市: 2/29 → 3/7 延長", "七尾市: 2/29 → 3/7 extended". The
 * municipality's name is the master's, in Japanese in either language.
 */
final class RevisionWords {
  private final ConsoleText text;

  RevisionWords(ConsoleText text) {
    this.text = text;
  }

  List<String> of(NoticeDiff diff, Function<String, String> regionName) {
    List<String> lines = new ArrayList<>();
    for (ActivationChange c : diff.activated()) {
      lines.add(
          text.get(
              "revision.activated",
              regionName.apply(c.subject()),
              NoticeLabels.day(c.from()),
              NoticeLabels.day(c.until())));
    }
    for (ActivationChange c : diff.extended()) {
      lines.add(moved("revision.extended", regionName.apply(c.subject()), c));
    }
    for (ActivationChange c : diff.ended()) {
      lines.add(moved("revision.ended", regionName.apply(c.subject()), c));
    }
    for (ActivationChange c : diff.facilitiesSwitchedOn()) {
      lines.add(
          text.get(
              c.change() == ActivationChange.Change.ACTIVATED
                  ? "revision.facilityActivated"
                  : "revision.facilityExtended",
              c.subject(),
              NoticeLabels.day(c.from()),
              NoticeLabels.day(c.until()),
              c.applicationId()));
    }
    return lines;
  }

  private String moved(String key, String name, ActivationChange c) {
    return text.get(key, name, NoticeLabels.day(c.previousUntil()), NoticeLabels.day(c.until()));
  }
}
