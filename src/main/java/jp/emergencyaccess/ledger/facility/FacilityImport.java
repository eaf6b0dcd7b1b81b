package jp.emergencyaccess.ledger.facility;

import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.RegionMaster;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers many facilities from CSV, all or nothing. Every row is checked first (shape, duplicate
 * codes within the file, codes already registered) and any error refuses the whole file with a
 * report of every bad row. Then all are registered inside one database transaction, so a failure
 * half-way still records nothing.
 *
 * <p>Sending 100,000 RegisterFacility commands one by one loads 100,000 (empty) aggregates and
 * appends one event per unit of work; instead, batches of events are appended directly. This keeps
 * the aggregate's rules: the shape checks are the command's own (each row becomes a {@link
 * RegisterFacility}), the event is built by {@link Facility#registration}, and the one business
 * rule, "not registered yet", is checked for the whole file against the directory and guarded by
 * the event store's unique (aggregate, sequence) key: a concurrent registration of the same code
 * makes the whole import fail and roll back.
 */
@Service
public class FacilityImport {
  public static final List<String> FIELDS =
      List.of(
          "facilityCode",
          "kind",
          "name",
          "nameKana",
          "postalCode",
          "address",
          "municipalityCode",
          "phone");
  static final int MAX_REPORTED = 1000;
  private static final int LOOKUP_CHUNK = 1000;
  private static final int BATCH = 1000;

  /** The aggregate type Axon records for {@link Facility} streams (its simple class name). */
  static final String AGGREGATE_TYPE = Facility.class.getSimpleName();

  private final EventStore eventStore;
  private final FacilityDirectory facilities;
  private final TransactionTemplate transactions;
  private final RegionMaster regions;

  public FacilityImport(
      EventStore eventStore,
      FacilityDirectory facilities,
      TransactionTemplate transactions,
      RegionMaster regions) {
    this.regions = regions;
    this.eventStore = eventStore;
    this.facilities = facilities;
    this.transactions = transactions;
  }

  /** Returns how many facilities were registered; throws {@link ImportRefused} on any bad row. */
  public int importCsv(Reader csv, Instant at) throws IOException {
    List<ImportRefused.RowError> errors = new ArrayList<>();
    List<FacilityCsv.Line> lines;
    try {
      lines = FacilityCsv.read(csv);
    } catch (IllegalArgumentException e) {
      throw refused(List.of(new ImportRefused.RowError(0, "body", e.getMessage())));
    }
    if (lines.isEmpty()) {
      throw refused(List.of(new ImportRefused.RowError(1, "header", "is missing")));
    }
    List<String> header = lines.get(0).cells().stream().map(String::strip).toList();
    if (!header.equals(FIELDS)) {
      throw refused(
          List.of(
              new ImportRefused.RowError(
                  lines.get(0).number(), "header", "must be " + String.join(",", FIELDS))));
    }
    if (lines.size() == 1) {
      throw refused(List.of(new ImportRefused.RowError(1, "body", "has no facility rows")));
    }
    List<RegisterFacility> registrations = new ArrayList<>(lines.size() - 1);
    Map<String, Integer> rowOf = new HashMap<>();
    for (FacilityCsv.Line line : lines.subList(1, lines.size())) {
      RegisterFacility row = parse(line, at, errors, regions);
      if (row == null) {
        continue;
      }
      Integer first = rowOf.putIfAbsent(row.facilityCode(), line.number());
      if (first != null) {
        errors.add(
            new ImportRefused.RowError(
                line.number(), "facilityCode", "is also on row " + first + " of this file"));
        continue;
      }
      registrations.add(row);
    }
    List<String> codes = new ArrayList<>(rowOf.keySet());
    for (int i = 0; i < codes.size(); i += LOOKUP_CHUNK) {
      Set<String> known =
          facilities.registeredAmong(codes.subList(i, Math.min(codes.size(), i + LOOKUP_CHUNK)));
      known.forEach(
          code ->
              errors.add(
                  new ImportRefused.RowError(
                      rowOf.get(code), "facilityCode", "is already registered")));
    }
    if (!errors.isEmpty()) {
      throw refused(errors);
    }
    transactions.executeWithoutResult(
        status -> {
          for (int i = 0; i < registrations.size(); i += BATCH) {
            register(registrations.subList(i, Math.min(registrations.size(), i + BATCH)));
          }
        });
    return registrations.size();
  }

  /**
   * Appends the batch's registrations to the event store in one call: one batched insert, then the
   * subscribing projections. Each event is exactly what {@link Facility} records for the command,
   * as the first event of the facility's stream.
   */
  private void register(List<RegisterFacility> batch) {
    List<DomainEventMessage<?>> events = new ArrayList<>(batch.size());
    for (RegisterFacility command : batch) {
      events.add(
          new GenericDomainEventMessage<>(
              AGGREGATE_TYPE, command.facilityCode(), 0L, Facility.registration(command)));
    }
    eventStore.publish(events);
  }

  private static RegisterFacility parse(
      FacilityCsv.Line line,
      Instant at,
      List<ImportRefused.RowError> errors,
      RegionMaster regions) {
    List<String> c = line.cells();
    if (c.size() != FIELDS.size()) {
      errors.add(
          new ImportRefused.RowError(
              line.number(), "row", "has " + c.size() + " cells, the header has " + FIELDS.size()));
      return null;
    }
    try {
      RegisterFacility row =
          new RegisterFacility(
              c.get(0),
              kind(c.get(1)),
              c.get(2),
              c.get(3),
              c.get(4),
              c.get(5),
              c.get(6),
              c.get(7),
              at,
              true);
      regions.require("municipalityCode", row.municipalityCode());
      return row;
    } catch (InvalidField e) {
      errors.add(new ImportRefused.RowError(line.number(), e.field(), e.reason()));
      return null;
    }
  }

  private static FacilityKind kind(String value) {
    try {
      return FacilityKind.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidField("kind", "must be HOSPITAL, CLINIC, DENTAL_CLINIC or PHARMACY");
    }
  }

  private static ImportRefused refused(List<ImportRefused.RowError> errors) {
    List<ImportRefused.RowError> sorted =
        errors.stream().sorted(Comparator.comparingInt(ImportRefused.RowError::row)).toList();
    return new ImportRefused(
        sorted.subList(0, Math.min(MAX_REPORTED, sorted.size())), errors.size());
  }
}
