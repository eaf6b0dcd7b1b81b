package jp.emergencyaccess.ledger.investigation;

import java.time.Instant;
import java.time.LocalDate;
import jp.emergencyaccess.ledger.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/** The facility was asked for an improvement report due on {@code dueOn} (Art. 25). */
@Revision("1")
public record ImprovementReportRequested(
    String inquiryId, String facilityCode, LocalDate dueOn, Instant at) implements LedgerEvent {}
