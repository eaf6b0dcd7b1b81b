package jp.emergencyaccess.ledger.investigation;

import java.time.Instant;
import jp.emergencyaccess.ledger.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/** The inquiry was closed with its finding; nothing more can be recorded on it. */
@Revision("1")
public record InquiryClosed(
    String inquiryId, String facilityCode, Finding finding, String summary, Instant at)
    implements LedgerEvent {}
