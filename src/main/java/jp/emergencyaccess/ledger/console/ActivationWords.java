package jp.emergencyaccess.ledger.console;

import java.util.Arrays;
import java.util.List;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.RuleViolation;

/**
 * MHLW's activation forms in words: the region form's actions, and a refusal in the API's own
 * words, the message and rule of a {@link RuleViolation}, the field and reason of an {@link
 * InvalidField}, with the field's name on the form.
 */
final class ActivationWords {
  static final String ACTION = "activation.action.";

  /** The form's name for a field the API names; a field without one is shown by the API's name. */
  private static final String FIELD = "activation.field.";

  private final ConsoleText text;

  ActivationWords(ConsoleText text) {
    this.text = text;
  }

  String action(ActivationFormsConsole.Action action) {
    return text.get(ACTION + action.name());
  }

  List<Choice> actions() {
    return Arrays.stream(ActivationFormsConsole.Action.values())
        .map(a -> new Choice(a.name(), action(a)))
        .toList();
  }

  /** The API's message and its rule or field, so the page and a problem+json answer agree. */
  String refusal(RuntimeException e) {
    if (e instanceof RuleViolation r) {
      return text.get("format.paren", r.getMessage(), r.rule());
    }
    if (e instanceof InvalidField f) {
      String label = text.find(FIELD + f.field());
      String field = label == null ? f.field() : text.get("format.paren", label, f.field());
      return text.get("format.labelled", field, f.reason());
    }
    return e.getMessage();
  }
}
