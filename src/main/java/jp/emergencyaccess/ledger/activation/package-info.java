/**
 * Region activation (activate / extend / end, each citing a notice) and the compact activation
 * history that answers who was switched on when.
 */
package jp.emergencyaccess.ledger.activation;
