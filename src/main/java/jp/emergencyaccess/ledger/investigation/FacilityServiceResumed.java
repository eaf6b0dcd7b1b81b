package jp.emergencyaccess.ledger.investigation;

import java.time.Instant;
import jp.emergencyaccess.ledger.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/** The facility's suspended service is restored from {@code at}. */
@Revision("1")
public record FacilityServiceResumed(String inquiryId, String facilityCode, Instant at)
    implements LedgerEvent {}
