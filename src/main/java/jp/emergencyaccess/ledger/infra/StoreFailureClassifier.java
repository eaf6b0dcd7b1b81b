package jp.emergencyaccess.ledger.infra;

import jp.emergencyaccess.ledger.common.StoreFailureKinds;
import org.springframework.stereotype.Component;

/** {@link StoreFailureKinds} by {@link StoreFailures} and {@link AxonServerFailures}. */
@Component
class StoreFailureClassifier implements StoreFailureKinds {
  @Override
  public boolean unavailable(Throwable failure) {
    return StoreFailures.unavailable(failure);
  }

  @Override
  public boolean sequenceTaken(Throwable failure) {
    return AxonServerFailures.sequenceTaken(failure);
  }
}
