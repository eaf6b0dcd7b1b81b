package jp.emergencyaccess.ledger.history;

import java.util.List;

/**
 * Told of every batch of the access history, in the batch's own transaction, right after its rows
 * and counts are written: what it reads of the history then includes the batch, and what it writes
 * commits (or rolls back) with the batch and its token.
 */
public interface HistoryListener {
  void written(List<WrittenLookup> batch);
}
