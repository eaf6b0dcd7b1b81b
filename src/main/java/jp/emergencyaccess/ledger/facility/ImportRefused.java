package jp.emergencyaccess.ledger.facility;

import java.util.List;

/** A bulk import with bad rows: nothing was recorded; every row error is reported (400). */
public class ImportRefused extends RuntimeException {
  /** One problem: the file's line number (the header is line 1), the field, the message. */
  public record RowError(int row, String field, String message) {}

  private final List<RowError> errors;
  private final int errorCount;

  public ImportRefused(List<RowError> errors, int errorCount) {
    super(errorCount + " rows have errors; nothing was imported");
    this.errors = List.copyOf(errors);
    this.errorCount = errorCount;
  }

  public List<RowError> errors() {
    return errors;
  }

  public int errorCount() {
    return errorCount;
  }
}
