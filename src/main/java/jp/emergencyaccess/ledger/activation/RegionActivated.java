package jp.emergencyaccess.ledger.activation;

import java.time.Instant;
import java.time.LocalDate;
import jp.emergencyaccess.ledger.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/**
 * The function was switched on for a region from {@code from} to {@code until} (JST, inclusive).
 */
@Revision("1")
public record RegionActivated(
    String regionCode, LocalDate from, LocalDate until, String noticeId, Instant at)
    implements LedgerEvent {}
