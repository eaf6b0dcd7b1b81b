/**
 * The access history (照会履歴): one row per recorded lookup, allowed or denied, partitioned by
 * facility, with the flags the implementing bodies fact-check by (repeated patient, high volume,
 * denied, emergency exemption), its queries, and its exports (CSV, FHIR AuditEvent).
 */
package jp.emergencyaccess.ledger.history;
