package jp.emergencyaccess.ledger.workbench;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** NEW → UNDER_REVIEW: a FUND account takes the alert (its own, or one it assigns). */
public record TakeAlert(
    @TargetAggregateIdentifier String alertId, String assignee, String by, Instant at) {}
