package jp.emergencyaccess.ledger.access;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Answers a lookup whose view id is already recorded: with the stored decision if {@code again}
 * asks for the same lookup, recording nothing; otherwise it is refused as REQUEST_ID_REUSED ({@link
 * jp.emergencyaccess.ledger.common.SameRequest}). Sent by {@link ViewRequests}.
 */
public record RecallView(@TargetAggregateIdentifier String viewId, ViewMedicalInfo again) {
  public RecallView(ViewMedicalInfo again) {
    this(again.viewId(), again);
  }
}
