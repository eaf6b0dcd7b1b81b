package jp.emergencyaccess.ledger.notice;

import java.time.Instant;
import java.time.LocalDate;
import jp.emergencyaccess.ledger.common.InvalidField;
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
  }
}
