package jp.emergencyaccess.ledger.history;

import java.time.Instant;

/**
 * Which attempts of one facility to show: {@code from} inclusive, {@code to} exclusive (either may
 * be null), one decision (ALLOWED or DENIED) and one flag, each optional.
 */
public record AccessQuery(
    String facilityCode, Instant from, Instant to, String decision, AccessFlag flag) {}
