package jp.emergencyaccess.ledger.facility;

import java.util.Optional;

/** The applications the ledger holds, with their decisions. */
public interface ApplicationDirectory {
  Optional<ApplicationSummary> find(String applicationId);
}
