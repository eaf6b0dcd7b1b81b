package jp.emergencyaccess.ledger.investigation;

import java.time.Instant;
import jp.emergencyaccess.ledger.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/** The facility's use of the function is suspended from {@code at} (Art. 26). */
@Revision("1")
public record FacilityServiceSuspended(
    String inquiryId, String facilityCode, String reason, Instant at) implements LedgerEvent {}
