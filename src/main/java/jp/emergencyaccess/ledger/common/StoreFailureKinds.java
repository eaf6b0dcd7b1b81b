package jp.emergencyaccess.ledger.common;

/**
 * The port through which a feature tells what kind of failure a command's store gave it, without
 * knowing which store (JDBC, Axon Server) is behind it.
 */
public interface StoreFailureKinds {
  /** The store could not be reached or refused to work (the command may be retried later). */
  boolean unavailable(Throwable failure);

  /** The aggregate's sequence number was taken: another command recorded the same id first. */
  boolean sequenceTaken(Throwable failure);
}
