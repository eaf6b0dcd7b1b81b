package jp.emergencyaccess.ledger.common;

import java.time.Instant;

/**
 * Every event of the ledger says when it happened in the world ({@code at}); when it was recorded
 * is the event message's own timestamp.
 */
public interface LedgerEvent {
  Instant at();
}
