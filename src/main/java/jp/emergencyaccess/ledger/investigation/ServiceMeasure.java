package jp.emergencyaccess.ledger.investigation;

import java.time.Instant;

/**
 * One suspend, stop or resume of a facility's service: in force from {@code at} until the next one.
 * {@code inquiryId} and {@code reason} are those of the measure (reason null for a resume).
 */
public record ServiceMeasure(
    String facilityCode, ServiceChange change, Instant at, String inquiryId, String reason) {}
