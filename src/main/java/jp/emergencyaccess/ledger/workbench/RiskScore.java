package jp.emergencyaccess.ledger.workbench;

/**
 * The queue's order (docs/workbench.md): weight of the kind × lookups ÷ threshold × 100, rounded
 * down. One patient looked up again and again weighs most (3: the pattern of curiosity about a
 * person), one viewer's denials next (2: probing), a day of emergency-exemption lookups least (1:
 * often lawful in a disaster). An alert at twice its threshold scores twice as high as one at it.
 */
final class RiskScore {
  private RiskScore() {}

  static long of(AlertKind kind, long lookups, long threshold) {
    long weight =
        switch (kind) {
          case REPEATED_PATIENT -> 3;
          case DENIALS -> 2;
          case EMERGENCY_EXEMPTIONS -> 1;
        };
    return weight * lookups * 100 / Math.max(1, threshold);
  }
}
