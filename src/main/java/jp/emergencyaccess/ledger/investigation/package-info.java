/**
 * Investigations by the implementing bodies (実施機関): inquiries into one facility and the measures of
 * the terms of use, Art. 25–26 (report, improvement report, published name, suspension, stop), and
 * the facility's service status over time that the access decision consults.
 */
package jp.emergencyaccess.ledger.investigation;
