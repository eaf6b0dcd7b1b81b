package jp.emergencyaccess.ledger.notice;

import java.time.Instant;
import java.time.LocalDate;

/** A registered notice as the directory knows it. */
public record NoticeSummary(
    String noticeId,
    String series,
    int revision,
    LocalDate issuedOn,
    String title,
    String confirmation,
    Instant registeredAt) {}
