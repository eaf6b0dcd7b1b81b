package jp.emergencyaccess.ledger.history;

import java.time.Instant;
import java.util.List;
import jp.emergencyaccess.ledger.access.Lookup;

/**
 * One view attempt as the access history shows it: the lookup as its event recorded it, the flags
 * the history gave it, and when its event was stored.
 */
public record AccessAttempt(Lookup lookup, List<AccessFlag> flags, Instant recordedAt) {}
