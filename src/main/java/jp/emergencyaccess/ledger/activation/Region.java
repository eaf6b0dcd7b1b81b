package jp.emergencyaccess.ledger.activation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.List;
import jp.emergencyaccess.ledger.common.Period;
import jp.emergencyaccess.ledger.common.RuleViolation;
import jp.emergencyaccess.ledger.notice.NoticeDirectory;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A municipality or prefecture and the periods in which the function was on for it. Rules are
 * judged against the recorded periods, never against the wall clock: history is often entered
 * later.
 */
@Aggregate
public class Region {
  @AggregateIdentifier private String regionCode;
  private final List<Period> periods = new ArrayList<>();

  protected Region() {}

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public void handle(ActivateRegion command, NoticeDirectory notices) {
    requireNotice(notices, command.noticeId());
    for (Period recorded : periods) {
      if (recorded.overlaps(command.period())) {
        throw new RuleViolation(
            "PERIOD_OVERLAPS",
            "region "
                + command.regionCode()
                + " is already activated "
                + recorded.from()
                + ".."
                + recorded.until()
                + ", which overlaps "
                + command.period().from()
                + ".."
                + command.period().until()
                + " (use extend)");
      }
    }
    apply(
        new RegionActivated(
            command.regionCode(),
            command.period().from(),
            command.period().until(),
            command.noticeId(),
            command.at()));
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public void handle(ExtendRegionActivation command, NoticeDirectory notices) {
    requireNotice(notices, command.noticeId());
    Period latest = latest(command.regionCode(), "extended");
    if (!command.until().isAfter(latest.until())) {
      throw new RuleViolation(
          "EXTENSION_NOT_LATER",
          "extension to "
              + command.until()
              + " is not later than the current last day "
              + latest.until());
    }
    apply(
        new RegionActivationExtended(
            command.regionCode(),
            latest.from(),
            latest.until(),
            command.until(),
            command.noticeId(),
            command.at()));
  }

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public void handle(EndRegionActivation command, NoticeDirectory notices) {
    requireNotice(notices, command.noticeId());
    Period latest = latest(command.regionCode(), "ended");
    if (command.lastDay().isBefore(latest.from())) {
      throw new RuleViolation(
          "END_BEFORE_START",
          "last day " + command.lastDay() + " is before the period's first day " + latest.from());
    }
    apply(
        new RegionActivationEnded(
            command.regionCode(),
            latest.from(),
            latest.until(),
            command.lastDay(),
            command.noticeId(),
            command.at()));
  }

  private Period latest(String code, String verb) {
    if (periods.isEmpty()) {
      throw new RuleViolation(
          "REGION_NEVER_ACTIVATED",
          "region " + code + " has never been activated, so it cannot be " + verb);
    }
    return periods.get(periods.size() - 1);
  }

  private static void requireNotice(NoticeDirectory notices, String noticeId) {
    if (notices.find(noticeId).isEmpty()) {
      throw new RuleViolation("NOTICE_UNKNOWN", "notice " + noticeId + " is not registered");
    }
  }

  @EventSourcingHandler
  void on(RegionActivated event) {
    regionCode = event.regionCode();
    periods.add(new Period(event.from(), event.until()));
    periods.sort((a, b) -> a.from().compareTo(b.from()));
  }

  @EventSourcingHandler
  void on(RegionActivationExtended event) {
    replaceUntil(event.from(), event.until());
  }

  @EventSourcingHandler
  void on(RegionActivationEnded event) {
    replaceUntil(event.from(), event.lastDay());
  }

  private void replaceUntil(java.time.LocalDate from, java.time.LocalDate until) {
    periods.replaceAll(p -> p.from().equals(from) ? p.withUntil(until) : p);
  }
}
