package jp.emergencyaccess.ledger.history;

import java.util.List;
import java.util.stream.Collectors;

/** A list of codes as one text: a column of the history's tables, a CSV cell, a FHIR detail. */
final class CodeText {
  private CodeText() {}

  static String join(List<? extends Enum<?>> codes, String separator) {
    return codes.stream().map(Enum::name).collect(Collectors.joining(separator));
  }
}
