package jp.emergencyaccess.ledger.notice;

import java.time.Instant;
import java.time.LocalDate;
import jp.emergencyaccess.ledger.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/**
 * A notice was registered. {@code confirmation} says which parts of it are confirmed facts and
 * which are assumed (null when not stated).
 */
@Revision("1")
public record NoticeRegistered(
    String noticeId,
    String series,
    int revision,
    LocalDate issuedOn,
    String title,
    String confirmation,
    Instant at)
    implements LedgerEvent {}
