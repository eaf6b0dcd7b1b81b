package jp.emergencyaccess.ledger.facility;

import java.time.Instant;
import jp.emergencyaccess.ledger.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/** A facility's master data was registered. */
@Revision("1")
public record FacilityRegistered(
    String facilityCode,
    FacilityKind kind,
    String name,
    String nameKana,
    String postalCode,
    String address,
    String municipalityCode,
    String phone,
    Instant at)
    implements LedgerEvent {}
