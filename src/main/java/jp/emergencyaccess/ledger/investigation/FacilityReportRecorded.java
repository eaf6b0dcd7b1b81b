package jp.emergencyaccess.ledger.investigation;

import java.time.Instant;
import jp.emergencyaccess.ledger.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/** The facility's report (Art. 25) was recorded on the inquiry. */
@Revision("1")
public record FacilityReportRecorded(
    String inquiryId, String facilityCode, String summary, Instant at) implements LedgerEvent {}
