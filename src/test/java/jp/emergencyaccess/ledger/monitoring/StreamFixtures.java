package jp.emergencyaccess.ledger.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jp.emergencyaccess.ledger.common.RegionCode;
import jp.emergencyaccess.ledger.facility.FacilityCode;
import jp.emergencyaccess.ledger.support.HttpTest;
import jp.emergencyaccess.ledger.support.Ministry;
import jp.emergencyaccess.ledger.support.SseClient;
import jp.emergencyaccess.ledger.support.TestCodes;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.beans.factory.annotation.Autowired;

/** Helpers of the stream tests: store positions, fresh notices, regions and facilities. */
abstract class StreamFixtures extends HttpTest {
  static final Duration WAIT = Duration.ofSeconds(60);
  private static final AtomicInteger CODES = new AtomicInteger();

  @Autowired EventGateway events;
  @Autowired Configuration axon;

  long head() {
    return jdbc.queryForObject(
        "select coalesce(max(globalindex), 0) from domainevententry", Long.class);
  }

  /** The stored positions in (after, through], in order. */
  List<Long> positions(long after, long through) {
    return jdbc.queryForList(
        "select globalindex from domainevententry where globalindex > ? and globalindex <= ?"
            + " order by globalindex",
        Long.class,
        after,
        through);
  }

  static List<Long> ids(List<SseClient.Message> messages) {
    return messages.stream().map(SseClient.Message::position).toList();
  }

  String notice() {
    return notice(TestCodes.series(), 1);
  }

  String notice(String series, int revision) {
    return new Ministry(api()).issuesRevision("s", series, revision, "2024-01-02", "stream test");
  }

  /** A municipality code in the prefecture, used by no other test. */
  static String municipality(int prefecture) {
    String five = String.format("%02d%03d", prefecture, 700 + CODES.incrementAndGet() % 300);
    return five + RegionCode.checkDigit(five);
  }

  void activate(String region, String noticeId) {
    new Ministry(api()).activates(region, "2024-01-01", "2024-01-31", noticeId);
  }

  /** Registers a fresh hospital in the municipality; returns its facility code. */
  String facilityIn(String municipality) {
    String nine =
        municipality.substring(0, 2)
            + "1"
            + String.format("%06d", 500_000 + CODES.incrementAndGet());
    String code = nine + FacilityCode.checkDigit(nine);
    new Ministry(api()).registers(code, "HOSPITAL", "Stream Test Hospital", municipality);
    return code;
  }

  SseClient stream(String path) {
    SseClient client = SseClient.open(monitor(), path);
    assertThat(client.status()).isEqualTo(200);
    return client;
  }
}
