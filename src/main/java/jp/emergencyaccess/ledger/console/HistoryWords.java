package jp.emergencyaccess.ledger.console;

import java.util.Arrays;
import java.util.List;
import jp.emergencyaccess.ledger.access.Decision;
import jp.emergencyaccess.ledger.access.DenialReason;
import jp.emergencyaccess.ledger.access.InfoCategory;
import jp.emergencyaccess.ledger.consent.ConsentBasis;
import jp.emergencyaccess.ledger.history.AccessFlag;

/** The access history's codes in the words an auditor reads on the facility's page. */
final class HistoryWords {
  static final String CATEGORY = "history.category.";
  static final String REASON = "history.reason.";
  static final String FLAG = "history.flag.";
  static final String DECISION = "history.decision.";

  /** The history's two decisions, as its rows and the API's filter name them. */
  static final List<String> DECISIONS =
      Arrays.stream(Decision.values()).map(Decision::name).toList();

  private final ConsoleText text;

  HistoryWords(ConsoleText text) {
    this.text = text;
  }

  String category(InfoCategory category) {
    return text.get(CATEGORY + category.name());
  }

  String reason(DenialReason reason) {
    return text.get(REASON + reason.name());
  }

  String flag(AccessFlag flag) {
    return text.get(FLAG + flag.name());
  }

  String basis(ConsentBasis consentBasis) {
    if (consentBasis == null) {
      return "—";
    }
    return consentBasis == ConsentBasis.EMERGENCY_EXEMPTION
        ? text.get("history.basis.emergencyExemption")
        : text.get("history.basis.consent");
  }

  String decision(Decision decision) {
    return text.get(DECISION + decision.name());
  }

  /** A row's categories or reasons as one cell, joined as the page's language lists words. */
  String categories(List<InfoCategory> codes) {
    return String.join(
        text.get("list.separator.short"), codes.stream().map(this::category).toList());
  }

  String reasons(List<DenialReason> codes) {
    return String.join(text.get("list.separator"), codes.stream().map(this::reason).toList());
  }

  List<Choice> flags() {
    return Arrays.stream(AccessFlag.values()).map(f -> new Choice(f.name(), flag(f))).toList();
  }

  List<Choice> decisions() {
    return Arrays.stream(Decision.values()).map(d -> new Choice(d.name(), decision(d))).toList();
  }
}
