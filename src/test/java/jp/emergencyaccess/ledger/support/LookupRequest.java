package jp.emergencyaccess.ledger.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/views} in the test worlds' one language: a lookup at a facility of a
 * patient, by dr-kinjo (a DOCTOR) of MEDICATION unless said otherwise. A null request id, consent
 * or instant is left out of the body, as a client that does not send it.
 */
public final class LookupRequest {
  /** The fields of every answer to a lookup, allowed or denied: the recorded view (SPEC §5). */
  public static final List<String> ANSWER_FIELDS =
      List.of(
          "viewId",
          "requestId",
          "decision",
          "reasons",
          "facilityCode",
          "viewerId",
          "viewerRole",
          "patientRef",
          "categories",
          "consentId",
          "consentBasis",
          "identification",
          "coveredBy",
          "at",
          "replayed");

  private String requestId;
  private final String facilityCode;
  private String viewerId = "dr-kinjo";
  private String viewerRole = "DOCTOR";
  private final String patientId;
  private List<String> categories = List.of("MEDICATION");
  private String consentId;
  private String at;

  private LookupRequest(String facilityCode, String patientId) {
    this.facilityCode = facilityCode;
    this.patientId = patientId;
  }

  public static LookupRequest at(String facilityCode, String patientId) {
    return new LookupRequest(facilityCode, patientId);
  }

  public LookupRequest requestId(String requestId) {
    this.requestId = requestId;
    return this;
  }

  public LookupRequest by(String viewerId, String viewerRole) {
    this.viewerId = viewerId;
    this.viewerRole = viewerRole;
    return this;
  }

  public LookupRequest of(List<String> categories) {
    this.categories = categories;
    return this;
  }

  public LookupRequest consent(String consentId) {
    this.consentId = consentId;
    return this;
  }

  public LookupRequest when(String at) {
    this.at = at;
    return this;
  }

  public Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    if (requestId != null) {
      body.put("requestId", requestId);
    }
    body.put("facilityCode", facilityCode);
    body.put("viewerId", viewerId);
    body.put("viewerRole", viewerRole);
    body.put("patientId", patientId);
    body.put("categories", categories);
    if (consentId != null) {
      body.put("consentId", consentId);
    }
    if (at != null) {
      body.put("at", at);
    }
    return body;
  }
}
