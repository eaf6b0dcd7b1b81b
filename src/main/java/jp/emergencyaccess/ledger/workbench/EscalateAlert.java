package jp.emergencyaccess.ledger.workbench;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** UNDER_REVIEW → ESCALATED into that inquiry (of the alert's facility). */
public record EscalateAlert(
    @TargetAggregateIdentifier String alertId, String inquiryId, String by, Instant at) {}
