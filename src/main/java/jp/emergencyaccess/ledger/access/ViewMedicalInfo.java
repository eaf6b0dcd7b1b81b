package jp.emergencyaccess.ledger.access;

import java.time.Instant;
import java.util.List;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.consent.ConsentIds;
import jp.emergencyaccess.ledger.facility.FacilityCode;
import jp.emergencyaccess.ledger.facility.FacilityText;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A facility asks to look up a patient's medical information at {@code at}; the ledger decides and
 * records the decision. {@code consentId} may be null (the decision is then CONSENT_MISSING).
 * {@code atStated} is false when the request left {@code at} to the ledger's clock: a retry of such
 * a request matches the recorded instant ({@link jp.emergencyaccess.ledger.common.SameRequest}).
 */
public record ViewMedicalInfo(
    @TargetAggregateIdentifier String viewId,
    String requestId,
    String facilityCode,
    String viewerId,
    ViewerRole viewerRole,
    String patientRef,
    List<InfoCategory> categories,
    String consentId,
    Instant at,
    boolean atStated) {

  public ViewMedicalInfo {
    if (viewId == null) {
      throw new InvalidField("viewId", "is required");
    }
    ConsentIds.checkRequestId(requestId);
    FacilityCode.parse("facilityCode", facilityCode);
    FacilityText.require("viewerId", viewerId, 64);
    if (viewerRole == null) {
      throw new InvalidField("viewerRole", "is required");
    }
    if (patientRef == null || !patientRef.matches("[0-9a-f]{32}")) {
      throw new InvalidField("patientRef", "must be 32 lower-case hex characters");
    }
    if (categories == null || categories.isEmpty()) {
      throw new InvalidField("categories", "must name at least one category");
    }
    if (categories.stream().anyMatch(java.util.Objects::isNull)) {
      throw new InvalidField("categories", "must not contain null");
    }
    categories = List.copyOf(categories.stream().distinct().toList());
    if (consentId != null) {
      ConsentIds.check("consentId", consentId);
    }
    if (at == null) {
      throw new InvalidField("at", "is required");
    }
  }
}
