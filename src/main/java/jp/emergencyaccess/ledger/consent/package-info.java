/**
 * Consent records (同意取得の記録): how a facility obtained a patient's consent (oral, or the emergency
 * exemption of the privacy act Art. 20(2)(ii)) and identified the patient; withdrawal; and the
 * pseudonym ({@code patientRef}) that stands in for the patient everywhere in the ledger.
 */
package jp.emergencyaccess.ledger.consent;
