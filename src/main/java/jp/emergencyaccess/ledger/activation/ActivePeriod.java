package jp.emergencyaccess.ledger.activation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.emergencyaccess.ledger.common.Period;

/**
 * A period of one subject as it stands after folding its changes. {@code noticeId} and {@code
 * applicationId} name what set its current last day; {@code activatedBy} what opened it; {@code
 * changes} every change that shaped it (its opening, extensions and end), in recording order.
 */
public record ActivePeriod(
    ActivationChange.Kind kind,
    String subject,
    LocalDate from,
    LocalDate until,
    String noticeId,
    String applicationId,
    String activatedBy,
    List<ActivationChange> changes) {

  public ActivePeriod {
    changes = List.copyOf(changes);
  }

  public Period period() {
    return new Period(from, until);
  }

  public boolean covers(Instant instant) {
    return period().covers(instant);
  }

  ActivePeriod changedBy(ActivationChange change) {
    List<ActivationChange> shaped = new ArrayList<>(changes);
    shaped.add(change);
    return new ActivePeriod(
        kind,
        subject,
        from,
        change.until(),
        change.noticeId(),
        change.applicationId(),
        activatedBy,
        shaped);
  }

  static ActivePeriod openedBy(ActivationChange change) {
    String by = change.noticeId() != null ? change.noticeId() : change.applicationId();
    return new ActivePeriod(
        change.kind(),
        change.subject(),
        change.from(),
        change.until(),
        change.noticeId(),
        change.applicationId(),
        by,
        List.of(change));
  }
}
