package jp.emergencyaccess.ledger.consent;

import java.time.Instant;

/**
 * A consent as the directory knows it. {@code at} is when it was obtained, {@code withdrawnAt} when
 * it was withdrawn (null while it stands).
 */
public record ConsentSummary(
    String consentId,
    String facilityCode,
    String patientRef,
    ConsentBasis basis,
    Identification identification,
    String recordedBy,
    Instant at,
    Instant withdrawnAt) {}
