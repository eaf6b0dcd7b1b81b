package jp.emergencyaccess.ledger.activation;

import java.time.Instant;
import java.time.LocalDate;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.RegionCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sets the last day of the region's latest period (earlier or later than planned), citing a notice.
 */
public record EndRegionActivation(
    @TargetAggregateIdentifier String regionCode, LocalDate lastDay, String noticeId, Instant at) {
  public EndRegionActivation {
    new RegionCode(regionCode);
    if (lastDay == null) {
      throw new InvalidField("lastDay", "is required");
    }
  }
}
