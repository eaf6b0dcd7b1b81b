package jp.emergencyaccess.ledger.facility;

import java.time.Instant;
import java.time.LocalDate;
import jp.emergencyaccess.ledger.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/** A facility submitted form 別添1, asking for the function to be switched on for it alone. */
@Revision("1")
public record ActivationApplicationSubmitted(
    String applicationId,
    String facilityCode,
    FacilityKind kind,
    String name,
    String nameKana,
    String postalCode,
    String address,
    String phone,
    String reason,
    LocalDate requestedFrom,
    LocalDate requestedUntil,
    Attestations attestations,
    Applicant applicant,
    String clientId,
    String submittedBy,
    Instant at)
    implements LedgerEvent {}
