package jp.emergencyaccess.ledger.facility;

import java.time.Instant;

/**
 * A registered facility's master data as the directory knows it. {@code registeredAt} is when the
 * ledger recorded the registration; {@code at} when it happened in the world (the event's {@code
 * at}), null for a registration recorded before the directory kept it (see {@link #registeredBy}).
 */
public record FacilitySummary(
    String facilityCode,
    FacilityKind kind,
    String name,
    String nameKana,
    String postalCode,
    String address,
    String municipalityCode,
    String phone,
    Instant registeredAt,
    Instant at) {

  /**
   * Whether the facility was registered at {@code instant}: not before its registration's {@code
   * at}. A registration whose {@code at} the directory does not know counts as registered.
   */
  public boolean registeredBy(Instant instant) {
    return at == null || !at.isAfter(instant);
  }
}
