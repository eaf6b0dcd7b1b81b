package jp.emergencyaccess.ledger.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.HttpTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * {@code /actuator/health} is open for load balancers, but what it knows (the store's head, the
 * processors, the disk) is shown only to the accounts that read the metrics; the disk it watches is
 * the data directory's.
 */
abstract class HealthExposureScenarios extends HttpTest {
  @Value("${ledger.data-dir}")
  String dataDir;

  @Test
  void anonymousCallersAndFacilities_getTheStatusOnly() {
    for (Api caller : List.of(api(), api().as("kanazawa-clinic"))) {
      Api.Reply health = caller.get("/actuator/health");
      assertThat(health.status()).as(health.toString()).isEqualTo(200);
      assertThat(health.json().get("status").asText()).isEqualTo("UP");
      // The names of the health groups (the load balancer's probe, docs/operations.md) are listed
      // for everyone; what they hold is not.
      assertThat(health.json().properties())
          .extracting(e -> e.getKey())
          .containsExactly("status", "groups");
      assertThat(health.json().get("groups").toString()).isEqualTo("[\"node\"]");
      assertThat(health.text()).doesNotContain("headPosition").doesNotContain("eventStore");
    }
  }

  @Test
  void readersOfTheMetrics_seeTheDetails_andTheDiskOfTheDataDirectory() {
    for (Api reader : List.of(monitor(), fund(), mhlw())) {
      Api.Reply health = reader.get("/actuator/health");
      assertThat(health.status()).as(health.toString()).isEqualTo(200);
      assertThat(health.json().at("/components/eventStore/details/headPosition").isNumber())
          .as(health.toString())
          .isTrue();
      assertThat(health.json().at("/components/diskSpace/details/path").asText())
          .isEqualTo(dataDir);
    }
  }
}
