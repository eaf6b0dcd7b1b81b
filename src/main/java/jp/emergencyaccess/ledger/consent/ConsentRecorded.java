package jp.emergencyaccess.ledger.consent;

import java.time.Instant;
import jp.emergencyaccess.ledger.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/** A facility recorded a patient's consent, or its use of the emergency exemption. */
@Revision("1")
public record ConsentRecorded(
    String consentId,
    String facilityCode,
    String patientRef,
    ConsentBasis basis,
    Identification identification,
    String exemptionReason,
    String recordedBy,
    Instant at)
    implements LedgerEvent {}
