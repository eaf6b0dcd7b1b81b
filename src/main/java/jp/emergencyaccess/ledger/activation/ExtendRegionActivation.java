package jp.emergencyaccess.ledger.activation;

import java.time.Instant;
import java.time.LocalDate;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.RegionCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Moves the last day of the region's latest period later, citing a notice. */
public record ExtendRegionActivation(
    @TargetAggregateIdentifier String regionCode, LocalDate until, String noticeId, Instant at) {
  public ExtendRegionActivation {
    new RegionCode(regionCode);
    if (until == null) {
      throw new InvalidField("until", "is required");
    }
  }
}
