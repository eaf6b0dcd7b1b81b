/** Axon and storage wiring, serialization, security and the clock. */
package jp.emergencyaccess.ledger.infra;
