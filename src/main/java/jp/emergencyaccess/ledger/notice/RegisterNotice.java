package jp.emergencyaccess.ledger.notice;

import java.time.Instant;
import java.time.LocalDate;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.TextRules;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Registers one numbered office notice (事務連絡) as a revision of its series. */
public record RegisterNotice(
    @TargetAggregateIdentifier String noticeId,
    String series,
    int revision,
    LocalDate issuedOn,
    String title,
    String confirmation,
    Instant at) {

  /** The sizes of the notice table's columns (V2__notices_and_activation.sql). */
  static final int MAX_TITLE = 1000;

  static final int MAX_CONFIRMATION = 2000;

  public RegisterNotice {
    NoticeIds.check("noticeId", noticeId);
    NoticeIds.check("series", series);
    if (revision < 1) {
      throw new InvalidField("revision", "must be 1 or more");
    }
    if (issuedOn == null) {
      throw new InvalidField("issuedOn", "is required");
    }
    if (title == null || title.isBlank()) {
      throw new InvalidField("title", "must not be empty");
    }
    if (title.length() > MAX_TITLE) {
      throw new InvalidField("title", "must be at most " + MAX_TITLE + " characters");
    }
    TextRules.line("title", title);
    if (confirmation != null && confirmation.length() > MAX_CONFIRMATION) {
      throw new InvalidField("confirmation", "must be at most " + MAX_CONFIRMATION + " characters");
    }
    TextRules.freeText("confirmation", confirmation);
  }
}
