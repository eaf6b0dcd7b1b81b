package jp.emergencyaccess.ledger.facility;

import java.time.Instant;
import java.time.LocalDate;
import jp.emergencyaccess.ledger.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/** The facility's individual period that starts on {@code from} now lasts until {@code until}. */
@Revision("1")
public record FacilityActivationExtended(
    String facilityCode,
    LocalDate from,
    LocalDate previousUntil,
    LocalDate until,
    String applicationId,
    Instant at)
    implements LedgerEvent {}
