package jp.emergencyaccess.ledger.activation;

import java.time.Instant;
import java.time.LocalDate;
import jp.emergencyaccess.ledger.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/** The period of the region that starts on {@code from} ends with {@code lastDay}. */
@Revision("1")
public record RegionActivationEnded(
    String regionCode,
    LocalDate from,
    LocalDate previousUntil,
    LocalDate lastDay,
    String noticeId,
    Instant at)
    implements LedgerEvent {}
