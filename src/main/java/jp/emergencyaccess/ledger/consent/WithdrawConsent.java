package jp.emergencyaccess.ledger.consent;

import java.time.Instant;
import jp.emergencyaccess.ledger.common.InvalidField;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The patient withdrew the consent from {@code at} on. */
public record WithdrawConsent(@TargetAggregateIdentifier String consentId, Instant at) {
  public WithdrawConsent {
    ConsentIds.check("consentId", consentId);
    if (at == null) {
      throw new InvalidField("at", "is required");
    }
  }
}
