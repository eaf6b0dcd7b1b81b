package jp.emergencyaccess.ledger.console;

import java.util.Arrays;
import java.util.List;
import jp.emergencyaccess.ledger.access.DenialReason;
import jp.emergencyaccess.ledger.access.InfoCategory;
import jp.emergencyaccess.ledger.history.AccessFlag;

/** The access history's codes in the words an auditor reads on the facility's page. */
final class HistoryWords {
  static final String CATEGORY = "history.category.";
  static final String REASON = "history.reason.";
  static final String FLAG = "history.flag.";
  static final String DECISION = "history.decision.";

  /** The history's two decisions, as its rows and the API's filter name them. */
  static final List<String> DECISIONS = List.of("ALLOWED", "DENIED");

  private final ConsoleText text;

  HistoryWords(ConsoleText text) {
    this.text = text;
  }

  String category(String code) {
    return text.get(CATEGORY + InfoCategory.valueOf(code).name());
  }

  String reason(String code) {
    return text.get(REASON + DenialReason.valueOf(code).name());
  }

  String flag(AccessFlag flag) {
    return text.get(FLAG + flag.name());
  }

  String basis(String consentBasis) {
    if (consentBasis == null) {
      return "—";
    }
    return consentBasis.equals("EMERGENCY_EXEMPTION")
        ? text.get("history.basis.emergencyExemption")
        : text.get("history.basis.consent");
  }

  String decision(String decision) {
    return text.get(DECISION + ("DENIED".equals(decision) ? "DENIED" : "ALLOWED"));
  }

  /** A row's categories or reasons as one cell, joined as the page's language lists words. */
  String categories(List<String> codes) {
    return String.join(
        text.get("list.separator.short"), codes.stream().map(this::category).toList());
  }

  String reasons(List<String> codes) {
    return String.join(text.get("list.separator"), codes.stream().map(this::reason).toList());
  }

  List<Choice> flags() {
    return Arrays.stream(AccessFlag.values()).map(f -> new Choice(f.name(), flag(f))).toList();
  }

  List<Choice> decisions() {
    return DECISIONS.stream().map(d -> new Choice(d, decision(d))).toList();
  }
}
