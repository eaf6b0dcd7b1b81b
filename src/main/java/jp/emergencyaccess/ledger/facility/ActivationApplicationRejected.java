package jp.emergencyaccess.ledger.facility;

import java.time.Instant;
import jp.emergencyaccess.ledger.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/** MHLW rejected an application, giving its reason. */
@Revision("1")
public record ActivationApplicationRejected(
    String applicationId, String facilityCode, String reason, String decidedBy, Instant at)
    implements LedgerEvent {}
