package jp.emergencyaccess.ledger.facility;

import java.time.Instant;
import java.time.LocalDate;
import jp.emergencyaccess.ledger.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/** MHLW approved an application, granting {@code from}..{@code until} (may differ from asked). */
@Revision("1")
public record ActivationApplicationApproved(
    String applicationId,
    String facilityCode,
    LocalDate from,
    LocalDate until,
    String decidedBy,
    Instant at)
    implements LedgerEvent {}
