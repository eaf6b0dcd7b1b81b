package jp.emergencyaccess.ledger.investigation;

import java.time.Instant;
import jp.emergencyaccess.ledger.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/** The facility's name was published (Art. 26); {@code facilityName} as it was registered. */
@Revision("1")
public record FacilityNamePublished(
    String inquiryId, String facilityCode, String facilityName, Instant at)
    implements LedgerEvent {}
