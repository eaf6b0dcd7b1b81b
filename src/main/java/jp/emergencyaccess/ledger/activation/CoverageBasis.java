package jp.emergencyaccess.ledger.activation;

import java.time.LocalDate;

/**
 * One period that covers a facility: a region's ({@code regionCode}, {@code noticeId}) or the
 * facility's own ({@code applicationId}). The notice or application is the one that set the
 * period's current last day.
 */
public record CoverageBasis(
    ActivationChange.Kind kind,
    String regionCode,
    String noticeId,
    String applicationId,
    LocalDate from,
    LocalDate until) {

  static CoverageBasis of(ActivePeriod p) {
    return p.kind() == ActivationChange.Kind.REGION
        ? new CoverageBasis(p.kind(), p.subject(), p.noticeId(), null, p.from(), p.until())
        : new CoverageBasis(p.kind(), null, null, p.applicationId(), p.from(), p.until());
  }
}
