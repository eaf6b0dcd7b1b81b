/**
 * Tamper evidence: a SHA-256 hash chain over every global position of the event store, written by
 * one chainer that follows the store in position order, Ed25519-signed checkpoints of its head,
 * verification from the stored events, and proofs that one event is covered by a checkpoint.
 */
package jp.emergencyaccess.ledger.integrity;
