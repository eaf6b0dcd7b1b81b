package jp.emergencyaccess.ledger.consent;

import java.time.Instant;
import jp.emergencyaccess.ledger.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/** The consent no longer allows lookups from {@code at} on. */
@Revision("1")
public record ConsentWithdrawn(String consentId, String facilityCode, String patientRef, Instant at)
    implements LedgerEvent {}
