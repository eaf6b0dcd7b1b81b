package jp.emergencyaccess.ledger.investigation;

import java.time.Instant;

/** An inquiry as the inquiry log knows it; {@code finding} and {@code closedAt} once closed. */
public record InquiryRecord(
    String inquiryId,
    String facilityCode,
    String reason,
    String clientId,
    Instant openedAt,
    Instant recordedAt,
    Finding finding,
    String closingSummary,
    Instant closedAt) {

  public boolean closed() {
    return finding != null;
  }
}
