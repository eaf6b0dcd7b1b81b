package jp.emergencyaccess.ledger.facility;

import java.time.Instant;

/** A registered facility's master data as the directory knows it. */
public record FacilitySummary(
    String facilityCode,
    FacilityKind kind,
    String name,
    String nameKana,
    String postalCode,
    String address,
    String municipalityCode,
    String phone,
    Instant registeredAt) {}
