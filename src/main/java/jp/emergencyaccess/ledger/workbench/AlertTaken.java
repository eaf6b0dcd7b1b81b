package jp.emergencyaccess.ledger.workbench;

import java.time.Instant;
import jp.emergencyaccess.ledger.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/**
 * Triage: the alert went under review, assigned to a FUND account; {@code by} is the account that
 * did it.
 */
@Revision("1")
public record AlertTaken(
    String alertId, String facilityCode, String assignee, String by, Instant at)
    implements LedgerEvent {}
