package jp.emergencyaccess.ledger.workbench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.emergencyaccess.ledger.common.LedgerEvent;
import org.axonframework.serialization.Revision;

/**
 * The ledger raised an alert: {@code count} lookups of the kind on that Japan day reached {@code
 * threshold} at {@code at} (the latest lookup of the batch that made it so). {@code viewerId} is
 * set where one viewer drives it, {@code patientRef} for REPEATED_PATIENT; {@code reasons} are
 * plain Japanese sentences for the queue.
 */
@Revision("1")
public record AlertRaised(
    String alertId,
    String kind,
    String facilityCode,
    LocalDate day,
    String viewerId,
    String patientRef,
    long count,
    long threshold,
    List<String> reasons,
    Instant at)
    implements LedgerEvent {}
