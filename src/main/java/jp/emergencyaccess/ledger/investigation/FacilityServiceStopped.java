package jp.emergencyaccess.ledger.investigation;

import java.time.Instant;
import jp.emergencyaccess.ledger.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/** The facility's use of the function is stopped from {@code at}, for good (Art. 26). */
@Revision("1")
public record FacilityServiceStopped(
    String inquiryId, String facilityCode, String reason, Instant at) implements LedgerEvent {}
