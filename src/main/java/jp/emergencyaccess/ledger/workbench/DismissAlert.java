package jp.emergencyaccess.ledger.workbench;

import java.time.Instant;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.TextRules;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** UNDER_REVIEW → DISMISSED, with a reason code and a note (the implementing body's own). */
public record DismissAlert(
    @TargetAggregateIdentifier String alertId,
    DismissReason reason,
    String note,
    String by,
    Instant at) {
  public DismissAlert {
    if (reason == null) {
      throw new InvalidField("reason", "is required");
    }
    if (note == null || note.isBlank()) {
      throw new InvalidField("note", "is required");
    }
    if (note.length() > 2000) {
      throw new InvalidField("note", "must be at most 2000 characters");
    }
    TextRules.freeText("note", note);
  }
}
