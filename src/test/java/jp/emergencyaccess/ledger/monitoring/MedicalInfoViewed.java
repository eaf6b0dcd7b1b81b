package jp.emergencyaccess.ledger.monitoring;

import java.time.Instant;
import jp.emergencyaccess.ledger.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/**
 * Test stand-in for the view event of another feature: the metrics count events by this simple name
 * and the fields of their JSON, not by class.
 */
@Revision("1")
public record MedicalInfoViewed(
    String viewId, String facilityCode, String decision, String patientRef, Instant at)
    implements LedgerEvent {}
