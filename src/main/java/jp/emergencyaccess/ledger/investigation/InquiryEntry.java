package jp.emergencyaccess.ledger.investigation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One event of an inquiry's timeline: {@code type} is the event type name (InquiryOpened,
 * FacilityServiceSuspended, …); {@code text} its reason, summary or the published name.
 */
public record InquiryEntry(
    String type,
    String inquiryId,
    String facilityCode,
    String text,
    LocalDate dueOn,
    Finding finding,
    Instant at,
    Instant recordedAt) {}
