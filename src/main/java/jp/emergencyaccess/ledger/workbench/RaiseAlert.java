package jp.emergencyaccess.ledger.workbench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Raises the alert of that id unless it was raised already (by a replay or another node). */
public record RaiseAlert(
    @TargetAggregateIdentifier String alertId,
    AlertKind kind,
    String facilityCode,
    LocalDate day,
    String viewerId,
    String patientRef,
    long count,
    long threshold,
    List<String> reasons,
    Instant at) {}
