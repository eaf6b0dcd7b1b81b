/**
 * View-medical-info: the access decision for every lookup of a patient's medical information, and
 * the event that records it, allowed or denied. See {@link
 * jp.emergencyaccess.ledger.access.MedicalInfoView} for why the decision stays fast however many
 * lookups a facility has made, and {@link jp.emergencyaccess.ledger.access.ViewPolicy} for the
 * rules.
 */
package jp.emergencyaccess.ledger.access;
