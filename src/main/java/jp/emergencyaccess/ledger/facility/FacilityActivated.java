package jp.emergencyaccess.ledger.facility;

import java.time.Instant;
import java.time.LocalDate;
import jp.emergencyaccess.ledger.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/** The function was switched on for this facility alone, on an approved application. */
@Revision("1")
public record FacilityActivated(
    String facilityCode, LocalDate from, LocalDate until, String applicationId, Instant at)
    implements LedgerEvent {}
