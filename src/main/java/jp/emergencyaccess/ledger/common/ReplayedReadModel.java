package jp.emergencyaccess.ledger.common;

/**
 * A read model of a subscribing processor that has work to do once a rebuild has replayed every
 * event into it, in the rebuild's own transaction: the port through which infrastructure's rebuild
 * finds those read models.
 */
public interface ReplayedReadModel {
  void replayed();
}
