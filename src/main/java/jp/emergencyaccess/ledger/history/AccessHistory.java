package jp.emergencyaccess.ledger.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import jp.emergencyaccess.ledger.access.Lookup;
import jp.emergencyaccess.ledger.access.LookupEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Writes the per-facility access history from the view events (pooled streaming processor {@value
 * GROUP}, several segments partitioned by facility, batches of many events per transaction; see
 * {@link HistoryProcessing}). Rebuildable: the reset handler marks its tables for emptying and a
 * replay writes the same rows, because every value, the flags included, is computed from the
 * events' own {@code at}, never from when they are processed.
 *
 * <p>A handler only turns its event into a row and adds it to the batch of the current unit of work
 * (a segment's batch is handled in one); the batch is written once, when the unit of work prepares
 * to commit, by {@link HistoryWriter}: one read of the batch's patients' attempts around it, one
 * JDBC batch of inserts, the running counts summed in memory and REPEATED_PATIENT judged per
 * patient of the batch. The rows and the token of the batch commit together, so a redelivered batch
 * finds its rows (or none of them) and changes nothing.
 *
 * <p>HIGH_VOLUME depends on the facility's median day, which every new day moves, so it is judged
 * when asked, from the per-day counts kept here ({@link AccessHistoryQueries}).
 */
@Component
@ProcessingGroup(AccessHistory.GROUP)
public class AccessHistory {
  public static final String GROUP = "access-history";
  private static final String PENDING = AccessHistory.class.getName() + ".pending";

  private final HistoryWriter writer;

  AccessHistory(HistoryWriter writer) {
    this.writer = writer;
  }

  /**
   * Runs in the transaction that resets the token (Axon calls it before storing the new token), so
   * it only leaves a mark there: the first batch of the replay empties the tables (see {@link
   * HistoryWriter#write}). Deleting a million rows here would hold that transaction for minutes.
   */
  @ResetHandler
  void reset() {
    writer.markReset();
  }

  /** Either event of a lookup, allowed or denied. */
  @EventHandler
  void on(LookupEvent e, @Timestamp Instant recordedAt) {
    AttemptRow row = new AttemptRow(Lookup.of(e), recordedAt.toEpochMilli());
    if (!CurrentUnitOfWork.isStarted()) {
      writer.write(List.of(row));
      return;
    }
    pending(CurrentUnitOfWork.get().root()).add(row);
  }

  /** The rows of this unit of work's batch, written once when it prepares to commit. */
  private List<AttemptRow> pending(UnitOfWork<?> unitOfWork) {
    return unitOfWork.getOrComputeResource(
        PENDING,
        key -> {
          List<AttemptRow> rows = new ArrayList<>();
          unitOfWork.onPrepareCommit(u -> writer.write(rows));
          return rows;
        });
  }
}
