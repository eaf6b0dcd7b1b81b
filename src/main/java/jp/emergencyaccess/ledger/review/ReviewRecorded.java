package jp.emergencyaccess.ledger.review;

import java.time.Instant;
import java.time.LocalDate;
import jp.emergencyaccess.ledger.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/**
 * The logs of a facility for the Japan days {@code from}..{@code to} were examined by {@code by}
 * (an account of {@code role}, FUND or MHLW), with a finding ({@link ReviewFinding} by name) and
 * the reviewer's internal note (may be null).
 */
@Revision("1")
public record ReviewRecorded(
    String reviewId,
    String facilityCode,
    LocalDate from,
    LocalDate to,
    String finding,
    String note,
    String by,
    String role,
    Instant at)
    implements LedgerEvent {}
