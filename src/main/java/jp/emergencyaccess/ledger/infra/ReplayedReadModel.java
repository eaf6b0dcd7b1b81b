package jp.emergencyaccess.ledger.infra;

/**
 * A read model of a subscribing processor that has work to do once a rebuild has replayed every
 * event into it ({@link ProjectionRebuild}), in the rebuild's own transaction.
 */
public interface ReplayedReadModel {
  void replayed();
}
