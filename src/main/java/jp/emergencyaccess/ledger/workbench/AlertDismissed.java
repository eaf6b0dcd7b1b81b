package jp.emergencyaccess.ledger.workbench;

import java.time.Instant;
import jp.emergencyaccess.ledger.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/**
 * Triage: the alert was dismissed after review, with a reason code and a note; {@code by} is the
 * account that did it.
 */
@Revision("1")
public record AlertDismissed(
    String alertId, String facilityCode, String reasonCode, String note, String by, Instant at)
    implements LedgerEvent {}
