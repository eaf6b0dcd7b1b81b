package jp.emergencyaccess.ledger.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.investigation.ServiceMeasure;
import jp.emergencyaccess.ledger.investigation.ServiceStatus;

/**
 * A facility's service status at an instant: IN_SERVICE, SUSPENDED or STOPPED, with the measure in
 * force ({@code since}, {@code inquiryId}, {@code reason}) when it is out of service.
 */
record ServiceStatusAnswer(
    String status, OffsetDateTime at, OffsetDateTime since, String inquiryId, String reason) {

  static ServiceStatusAnswer of(ServiceStatus service, String facilityCode, Instant at) {
    return service
        .suspendedAt(facilityCode, at)
        .map((ServiceMeasure m) -> outOfService(m, at))
        .orElse(new ServiceStatusAnswer("IN_SERVICE", JapanTime.render(at), null, null, null));
  }

  private static ServiceStatusAnswer outOfService(ServiceMeasure m, Instant at) {
    return new ServiceStatusAnswer(
        m.change().name(),
        JapanTime.render(at),
        JapanTime.render(m.at()),
        m.inquiryId(),
        m.reason());
  }
}
