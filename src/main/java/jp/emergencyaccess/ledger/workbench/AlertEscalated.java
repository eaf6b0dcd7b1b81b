package jp.emergencyaccess.ledger.workbench;

import java.time.Instant;
import jp.emergencyaccess.ledger.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/**
 * Triage: the alert was escalated into an inquiry (opened for it or joined); {@code by} is the
 * account that did it.
 */
@Revision("1")
public record AlertEscalated(
    String alertId, String facilityCode, String inquiryId, String by, Instant at)
    implements LedgerEvent {}
