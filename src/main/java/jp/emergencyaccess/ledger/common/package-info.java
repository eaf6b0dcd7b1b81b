/**
 * Value types and errors that every feature of the ledger shares: Japan time, periods, refusals.
 */
package jp.emergencyaccess.ledger.common;
