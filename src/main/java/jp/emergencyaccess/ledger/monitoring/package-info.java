/**
 * The event stream and metrics for monitoring: the resumable server-sent event stream over Axon's
 * {@code StreamableMessageSource}, Prometheus metrics and the health of the store and processors.
 */
package jp.emergencyaccess.ledger.monitoring;
