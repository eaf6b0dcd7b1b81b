package jp.emergencyaccess.ledger.facility;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * {@code ledger.facility-codes.legacy}: codes accepted although their check digit is wrong (codes
 * issued before the rule). Each must still be 10 digits with a valid prefecture and table number.
 */
@Component
@ConfigurationProperties("ledger.facility-codes")
public class LegacyFacilityCodes {
  private List<String> legacy = new ArrayList<>();

  public List<String> getLegacy() {
    return legacy;
  }

  public void setLegacy(List<String> legacy) {
    for (String code : legacy) {
      if (code == null || !code.matches("[0-9]{10}")) {
        throw new IllegalStateException(
            "ledger.facility-codes.legacy: " + code + " is not a 10-digit code");
      }
    }
    this.legacy = List.copyOf(legacy);
    FacilityCode.acceptLegacy(this.legacy);
  }
}
