package jp.emergencyaccess.ledger.access;

import jp.emergencyaccess.ledger.consent.ConsentSummary;

/**
 * What the ledger knew, at the lookup's instant, that the decision depends on.
 *
 * @param facilityRegistered the facility is in the directory
 * @param serviceSuspended its service was suspended or stopped at that instant
 * @param coveredBy the activation that covers it at that instant, or null
 * @param consent the cited consent as recorded, or null when none was cited or found
 */
public record ViewFacts(
    boolean facilityRegistered,
    boolean serviceSuspended,
    CoveredBy coveredBy,
    ConsentSummary consent) {}
