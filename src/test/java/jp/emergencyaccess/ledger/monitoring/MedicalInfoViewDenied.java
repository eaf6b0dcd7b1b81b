package jp.emergencyaccess.ledger.monitoring;

import java.time.Instant;
import java.util.List;
import jp.emergencyaccess.ledger.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/**
 * Test stand-in for the denial event of another feature. It carries a {@code patientId}, as a
 * defective event might: the stream must never pass it on.
 */
@Revision("1")
public record MedicalInfoViewDenied(
    String viewId,
    String facilityCode,
    String decision,
    List<String> reasons,
    String patientId,
    String patientRef,
    Instant at)
    implements LedgerEvent {}
