package jp.emergencyaccess.ledger.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.axonframework.common.IdentifierFactory;
import org.junit.jupiter.api.Test;

class TimeOrderedIdentifiersTest {
  private final TimeOrderedIdentifiers ids = new TimeOrderedIdentifiers();

  @Test
  void axonMakesItsMessageIdentifiersWithIt() {
    assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedIdentifiers.class);
  }

  @Test
  void identifiersAreVersion7Uuids_carryingTheirMillisecond_andDoNotRepeat() {
    long before = System.currentTimeMillis();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      String id = ids.generateIdentifier();
      UUID uuid = UUID.fromString(id);
      assertThat(uuid.version()).isEqualTo(7);
      assertThat(uuid.variant()).isEqualTo(2);
      assertThat(seen.add(id)).isTrue();
    }
    long after = System.currentTimeMillis();
    long millis = UUID.fromString(ids.generateIdentifier()).getMostSignificantBits() >>> 16;
    assertThat(millis).isBetween(before, after + 1000);
  }

  @Test
  void identifiersOfLaterMillisecondsSortAfterEarlierOnes() throws InterruptedException {
    String first = ids.generateIdentifier();
    Thread.sleep(2);
    String second = ids.generateIdentifier();
    assertThat(second).isGreaterThan(first);
  }
}
