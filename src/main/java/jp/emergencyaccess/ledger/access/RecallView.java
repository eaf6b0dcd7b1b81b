package jp.emergencyaccess.ledger.access;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Answers an already recorded lookup with its stored decision, recording nothing. Sent by {@link
 * ViewRequests} when the store refused a lookup's event because its view id was already recorded.
 */
public record RecallView(@TargetAggregateIdentifier String viewId) {}
