package jp.emergencyaccess.ledger.activation;

import java.util.Optional;
import jp.emergencyaccess.ledger.common.RegionCode;
import jp.emergencyaccess.ledger.common.RegionMaster;
import org.springframework.stereotype.Component;

/**
 * Names of the municipalities and prefectures of the municipality master ({@link RegionMaster}).
 */
@Component
public class RegionNames {
  private final RegionMaster master;

  public RegionNames(RegionMaster master) {
    this.master = master;
  }

  public Optional<String> nameOf(String regionCode) {
    return master.nameOf(regionCode);
  }

  /** A well-formed code that the master holds, else an {@code InvalidField} for {@code field}. */
  public RegionCode require(String field, String value) {
    return master.require(field, value);
  }
}
