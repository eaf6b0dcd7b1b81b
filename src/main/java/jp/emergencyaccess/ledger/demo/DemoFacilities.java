package jp.emergencyaccess.ledger.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import jp.emergencyaccess.ledger.common.RegionMaster;
import jp.emergencyaccess.ledger.demo.DemoPlan.ApplicationSpec;
import jp.emergencyaccess.ledger.demo.DemoPlan.FacilitySpec;
import jp.emergencyaccess.ledger.facility.FacilityCode;
import jp.emergencyaccess.ledger.facility.FacilityKind;

/**
 * The demo's facilities (obviously fictitious) and the applications of those outside the series.
 */
final class DemoFacilities {
  private static final RegionMaster NAMES = RegionMaster.shipped();

  private DemoFacilities() {}

  /** The code of facility {@code index}: prefecture, score table, district 90, the index. */
  static String codeOf(String municipalityCode, FacilityKind kind, int index) {
    String body =
        municipalityCode.substring(0, 2) + kind.scoreTable() + "90" + String.format("%04d", index);
    return body + FacilityCode.checkDigit(body);
  }

  static List<FacilitySpec> facilities(Random random, List<String> listed) {
    // Weight listed municipalities: cities with more people get more facilities.
    Map<String, Integer> weight = new LinkedHashMap<>();
    for (String region : listed) {
      weight.put(region, region.equals("172014") ? 12 : region.startsWith("17") ? 4 : 2);
    }
    List<String> pool = new ArrayList<>();
    weight.forEach((region, w) -> pool.addAll(java.util.Collections.nCopies(w, region)));
    List<String> outside = DemoPlan.OUTSIDE.keySet().stream().sorted().toList();
    List<FacilitySpec> result = new ArrayList<>();
    for (int index = 1; index <= DemoPlan.FACILITIES; index++) {
      String municipality;
      FacilityKind kind;
      if (index == DemoPlan.SUSPICIOUS_INDEX) {
        municipality = "172022"; // 七尾市
        kind = FacilityKind.CLINIC;
      } else if (index > DemoPlan.FACILITIES - 20) {
        municipality = outside.get(index % outside.size());
        kind = kindFor(random);
      } else {
        municipality =
            index <= listed.size() + 1 ? listed.get(index - 2) : DemoPlan.pickFrom(random, pool);
        kind = kindFor(random);
      }
      result.add(facility(index, municipality, kind));
    }
    return List.copyOf(result);
  }

  private static FacilityKind kindFor(Random random) {
    int roll = random.nextInt(100);
    if (roll < 8) {
      return FacilityKind.HOSPITAL;
    }
    if (roll < 50) {
      return FacilityKind.CLINIC;
    }
    if (roll < 62) {
      return FacilityKind.DENTAL_CLINIC;
    }
    return FacilityKind.PHARMACY;
  }

  private static FacilitySpec facility(int index, String municipality, FacilityKind kind) {
    String number = String.format("%03d", index);
    String label =
        switch (kind) {
          case HOSPITAL -> "病院";
          case CLINIC -> "診療所";
          case DENTAL_CLINIC -> "歯科診療所";
          case PHARMACY -> "薬局";
        };
    String kana =
        switch (kind) {
          case HOSPITAL -> "デモビョウイン";
          case CLINIC -> "デモシンリョウジョ";
          case DENTAL_CLINIC -> "デモシカシンリョウジョ";
          case PHARMACY -> "デモヤッキョク";
        };
    String place =
        DemoPlan.OUTSIDE.getOrDefault(municipality, NAMES.nameOf(municipality).orElse(""));
    String address = place + "デモ町" + index + "番地（架空）";
    return new FacilitySpec(
        index,
        codeOf(municipality, kind, index),
        kind,
        "デモ" + label + " " + number,
        kana + " " + number,
        "000-" + String.format("%04d", index),
        address,
        municipality,
        "0000-00-" + String.format("%04d", index));
  }

  /** Form 別添1 from six facilities outside the listed municipalities: four approved. */
  static List<ApplicationSpec> applications(List<FacilitySpec> facilities) {
    List<FacilitySpec> outside =
        facilities.stream()
            .filter(f -> DemoPlan.OUTSIDE.containsKey(f.municipalityCode()))
            .toList();
    List<ApplicationSpec> result = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      FacilitySpec f = outside.get(i);
      boolean approved = i < 4;
      LocalDate submitted = LocalDate.of(2024, 2, 15 + i);
      result.add(
          new ApplicationSpec(
              "demo-application-" + f.index(),
              f.code(),
              "能登半島地震の被災者（避難者）を受け入れており、服薬情報の確認が必要なため（デモ）",
              submitted.plusDays(1),
              DemoPlan.LAST_DAY,
              DemoPlan.at(submitted, 10, 0),
              approved,
              approved ? null : "被災者の受入れが確認できないため（デモ）",
              DemoPlan.at(submitted.plusDays(1), 9, 0)));
    }
    return List.copyOf(result);
  }
}
