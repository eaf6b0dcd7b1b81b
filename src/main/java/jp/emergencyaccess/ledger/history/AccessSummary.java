package jp.emergencyaccess.ledger.history;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Counts over every attempt a query selects (not only one page): by decision, flag, category,
 * viewer and denial reason, and how many distinct patients. {@code medianDailyAttempts} and {@code
 * highVolumeDays} are over the facility's whole history, which is what HIGH_VOLUME compares with.
 */
public record AccessSummary(
    long attempts,
    long distinctPatients,
    Map<String, Long> byDecision,
    Map<AccessFlag, Long> byFlag,
    Map<String, Long> byCategory,
    Map<String, Long> byViewer,
    Map<String, Long> byReason,
    double medianDailyAttempts,
    List<LocalDate> highVolumeDays) {}
