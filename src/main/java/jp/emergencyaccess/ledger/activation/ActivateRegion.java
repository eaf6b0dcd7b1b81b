package jp.emergencyaccess.ledger.activation;

import java.time.Instant;
import jp.emergencyaccess.ledger.common.Period;
import jp.emergencyaccess.ledger.common.RegionCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Switches the function on for a municipality or prefecture for a new period, citing a notice. */
public record ActivateRegion(
    @TargetAggregateIdentifier String regionCode, Period period, String noticeId, Instant at) {
  public ActivateRegion {
    new RegionCode(regionCode);
  }
}
