package jp.emergencyaccess.ledger.notice;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import jp.emergencyaccess.ledger.common.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/** One registered notice. Its id and its place in the series are unique across the ledger. */
@Aggregate
public class Notice {
  @AggregateIdentifier private String noticeId;

  protected Notice() {}

  @CommandHandler
  public Notice(RegisterNotice command, NoticeDirectory directory) {
    if (directory.find(command.noticeId()).isPresent()) {
      throw new RuleViolation(
          "NOTICE_ID_TAKEN", "notice " + command.noticeId() + " is already registered");
    }
    directory
        .findRevision(command.series(), command.revision())
        .ifPresent(
            other -> {
              throw new RuleViolation(
                  "NOTICE_REVISION_TAKEN",
                  "revision "
                      + command.revision()
                      + " of series "
                      + command.series()
                      + " is already notice "
                      + other.noticeId());
            });
    apply(
        new NoticeRegistered(
            command.noticeId(),
            command.series(),
            command.revision(),
            command.issuedOn(),
            command.title(),
            command.confirmation(),
            command.at()));
  }

  @EventSourcingHandler
  void on(NoticeRegistered event) {
    this.noticeId = event.noticeId();
  }
}
