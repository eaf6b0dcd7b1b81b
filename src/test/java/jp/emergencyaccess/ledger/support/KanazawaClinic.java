package jp.emergencyaccess.ledger.support;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import jp.emergencyaccess.ledger.facility.FacilityDirectory;
import jp.emergencyaccess.ledger.facility.FacilityKind;
import jp.emergencyaccess.ledger.facility.FacilitySummary;

/** The aggregate fixtures' facility directory: it knows one clinic in Kanazawa and nothing else. */
public final class KanazawaClinic {
  public static final String CODE = "1710112341";

  /** A valid facility code the directory does not know. */
  public static final String UNKNOWN = "1710112358";

  private KanazawaClinic() {}

  /** The directory, the clinic registered at {@code registered}. */
  public static FacilityDirectory directory(Instant registered) {
    FacilitySummary kanazawa =
        new FacilitySummary(
            CODE,
            FacilityKind.CLINIC,
            "金沢クリニック",
            "カナザワクリニック",
            "920-0000",
            "金沢市",
            "172014",
            "076-000-0000",
            registered,
            registered);
    return new FacilityDirectory() {
      @Override
      public Optional<FacilitySummary> find(String code) {
        return code.equals(CODE) ? Optional.of(kanazawa) : Optional.empty();
      }

      @Override
      public Set<String> registeredAmong(Collection<String> codes) {
        return codes.contains(CODE) ? Set.of(CODE) : Set.of();
      }
    };
  }
}
