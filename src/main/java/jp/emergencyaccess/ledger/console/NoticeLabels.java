package jp.emergencyaccess.ledger.console;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.emergencyaccess.ledger.notice.NoticeSummary;

/**
 * Short names for notices and dates. A notice is named by its revision in the series and, where its
 * title numbers it, that number: "第5版（その8）", "Rev. 5（その8）". Titles of one series restart their (その
 * N) count (the scope notices, then the extension notices), so the revision comes first. The (その N)
 * is quoted from the Japanese title, which is the notice's own, in either language.
 */
final class NoticeLabels {
  private static final Pattern NUMBERED = Pattern.compile("（その[0-9０-９]+）(?:[–〜-]（その[0-9０-９]+）)?");

  private final ConsoleText text;

  NoticeLabels(ConsoleText text) {
    this.text = text;
  }

  String of(NoticeSummary notice) {
    Matcher m = NUMBERED.matcher(notice.title() == null ? "" : notice.title());
    return text.get("notice.label", String.valueOf(notice.revision()), m.find() ? m.group() : "");
  }

  static String day(LocalDate date) {
    return date == null ? "" : date.getMonthValue() + "/" + date.getDayOfMonth();
  }
}
