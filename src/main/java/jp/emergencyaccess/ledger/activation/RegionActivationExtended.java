package jp.emergencyaccess.ledger.activation;

import java.time.Instant;
import java.time.LocalDate;
import jp.emergencyaccess.ledger.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/** The period of the region that starts on {@code from} now lasts until {@code until}. */
@Revision("1")
public record RegionActivationExtended(
    String regionCode,
    LocalDate from,
    LocalDate previousUntil,
    LocalDate until,
    String noticeId,
    Instant at)
    implements LedgerEvent {}
