package jp.emergencyaccess.ledger.notice;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import jp.emergencyaccess.ledger.common.Recorded;
import jp.emergencyaccess.ledger.common.RuleViolation;
import jp.emergencyaccess.ledger.common.SameRequest;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One registered notice. Its id and its place in the series are unique across the ledger. The same
 * registration again (a client's retry) answers the recorded notice and records nothing; another
 * notice under a registered id is refused as NOTICE_ID_TAKEN.
 */
@Aggregate
public class Notice {
  @AggregateIdentifier private String noticeId;
  private NoticeRegistered registered;

  protected Notice() {}

  /**
   * Loads the notice if it exists rather than being a constructor: a retry is then answered from
   * the recorded notice, and a refusal is an ordinary 409. (Axon's repository logs any exception of
   * a creating handler — a constructor, or {@code CreationPolicy.ALWAYS} — as a WARN with its stack
   * trace; refusals are expected answers, not faults.)
   */
  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public Recorded handle(RegisterNotice command, NoticeDirectory directory) {
    if (registered != null) {
      if (sameNotice(registered, command)) {
        return Recorded.replayed(noticeId);
      }
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
    return Recorded.created(command.noticeId());
  }

  /** What the notice says; not when it was registered (the ledger's clock, never the client's). */
  private static boolean sameNotice(NoticeRegistered first, RegisterNotice again) {
    return SameRequest.of("notice " + again.noticeId(), "it")
        .field("series", first.series(), again.series())
        .field("revision", first.revision(), again.revision())
        .field("issuedOn", first.issuedOn(), again.issuedOn())
        .field("title", first.title(), again.title())
        .field("confirmation", first.confirmation(), again.confirmation())
        .same();
  }

  @EventSourcingHandler
  void on(NoticeRegistered event) {
    this.noticeId = event.noticeId();
    this.registered = event;
  }
}
