/**
 * The event stream and metrics for monitoring: the resumable server-sent event stream over Axon's
 * {@code StreamableMessageSource}, the health of the store and processors, and every Prometheus
 * metric of the ledger (commands, views, exemptions, the chain's lag, verifications, health), which
 * the alert rules and the dashboard under {@code ops/} read.
 */
package jp.emergencyaccess.ledger.monitoring;
