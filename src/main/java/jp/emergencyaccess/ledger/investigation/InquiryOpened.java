package jp.emergencyaccess.ledger.investigation;

import java.time.Instant;
import jp.emergencyaccess.ledger.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/** An inquiry into one facility was opened. */
@Revision("1")
public record InquiryOpened(
    String inquiryId, String facilityCode, String reason, String clientId, Instant at)
    implements LedgerEvent {}
