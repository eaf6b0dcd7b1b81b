package jp.emergencyaccess.ledger.consent;

import jp.emergencyaccess.ledger.common.Replayable;

/**
 * What recording a consent answers. {@code replayed} is true when the request id had already
 * recorded this consent and nothing new was recorded.
 */
public record ConsentReceipt(String consentId, String patientRef, boolean replayed)
    implements Replayable {}
