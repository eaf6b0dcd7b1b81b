package jp.emergencyaccess.ledger.access;

import java.time.Instant;
import jp.emergencyaccess.ledger.consent.ConsentSummary;

/**
 * What the ledger knew, at the lookup's instant, that the decision depends on.
 *
 * @param facilityRegistered the facility is in the directory
 * @param facilityRegisteredAt when its registration happened in the world (the registration event's
 *     {@code at}); null when it is not registered, or registered before the directory kept that
 *     instant
 * @param serviceSuspended its service was suspended or stopped at that instant
 * @param coveredBy the activation that covers it at that instant, or null
 * @param consent the cited consent as recorded, or null when none was cited or found
 */
public record ViewFacts(
    boolean facilityRegistered,
    Instant facilityRegisteredAt,
    boolean serviceSuspended,
    CoveredBy coveredBy,
    ConsentSummary consent) {}
