package jp.emergencyaccess.ledger.workbench;

import java.time.LocalDate;

/** Which alerts a queue page holds; null fields do not filter. Days are Japan days, inclusive. */
public record AlertFilter(
    AlertStatus status,
    String facilityCode,
    String prefecture,
    LocalDate from,
    LocalDate to,
    String assignee) {}
