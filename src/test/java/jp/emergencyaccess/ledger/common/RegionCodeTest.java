package jp.emergencyaccess.ledger.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegionCodeTest {

  @Test
  void aMunicipalitysPrefecture_isThePrefecturesOwnCodeWithItsCheckDigit() {
    assertThat(new RegionCode("011002").prefecture().value()).isEqualTo("010006"); // Sapporo
    assertThat(new RegionCode("131016").prefecture().value()).isEqualTo("130001"); // Chiyoda
    assertThat(new RegionCode("172049").prefecture().value()).isEqualTo("170003"); // Wajima
    assertThat(new RegionCode("472018").prefecture().value()).isEqualTo("470007"); // Naha
  }

  @Test
  void aPrefecturesPrefecture_isItself() {
    RegionCode ishikawa = new RegionCode("170003");
    assertThat(ishikawa.isPrefecture()).isTrue();
    assertThat(ishikawa.prefecture()).isSameAs(ishikawa);
  }
}
