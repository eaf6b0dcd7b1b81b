package jp.emergencyaccess.ledger.consent;

import java.util.Optional;

/** The recorded consents, by id (a small table kept in the transaction of each consent event). */
public interface ConsentDirectory {
  Optional<ConsentSummary> find(String consentId);
}
