package jp.emergencyaccess.ledger.facility;

import java.util.ArrayList;
import java.util.List;

/**
 * The three declarations of form 別添1: the function is used only for medical care; only doctors,
 * dentists, pharmacists and staff given viewing rights look; the applicant knows the measures that
 * misuse brings (report, improvement, publication, suspension or stop of service).
 */
public record Attestations(
    Boolean medicalCareOnly, Boolean authorizedViewersOnly, Boolean sanctionsAcknowledged) {

  /** The names of the declarations that are not {@code true}, in form order. */
  public List<String> notAttested() {
    List<String> missing = new ArrayList<>();
    if (!Boolean.TRUE.equals(medicalCareOnly)) {
      missing.add("medicalCareOnly");
    }
    if (!Boolean.TRUE.equals(authorizedViewersOnly)) {
      missing.add("authorizedViewersOnly");
    }
    if (!Boolean.TRUE.equals(sanctionsAcknowledged)) {
      missing.add("sanctionsAcknowledged");
    }
    return missing;
  }
}
