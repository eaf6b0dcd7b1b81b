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
import jp.emergencyaccess.ledger.infra.Commands;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers many facilities from CSV, all or nothing. Every row is checked first (shape, duplicate
 * codes within the file, codes already registered) and any error refuses the whole file with a
 * report of every bad row. Then each row is registered through the Facility aggregate as usual, all
 * inside one database transaction, so a failure half-way (a concurrent registration of the same
 * code) still records nothing.
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

  private final Commands commands;
  private final FacilityDirectory facilities;
  private final TransactionTemplate transactions;

  public FacilityImport(
      Commands commands, FacilityDirectory facilities, TransactionTemplate transactions) {
    this.commands = commands;
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
      RegisterFacility row = parse(line, at, errors);
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
    transactions.executeWithoutResult(status -> registrations.forEach(commands::send));
    return registrations.size();
  }

  private static RegisterFacility parse(
      FacilityCsv.Line line, Instant at, List<ImportRefused.RowError> errors) {
    List<String> c = line.cells();
    if (c.size() != FIELDS.size()) {
      errors.add(
          new ImportRefused.RowError(
              line.number(), "row", "has " + c.size() + " cells, the header has " + FIELDS.size()));
      return null;
    }
    try {
      return new RegisterFacility(
          c.get(0), kind(c.get(1)), c.get(2), c.get(3), c.get(4), c.get(5), c.get(6), c.get(7), at);
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
