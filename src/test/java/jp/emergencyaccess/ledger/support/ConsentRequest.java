package jp.emergencyaccess.ledger.support;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of {@code POST /api/consents} in the test worlds' one language: a patient's oral consent
 * at a facility, identified by the insured number and recorded by nurse Higa, unless said
 * otherwise. A consent under the emergency exemption carries the reason the privacy act asks for.
 */
public final class ConsentRequest {
  private static final String EXEMPTION = "EMERGENCY_EXEMPTION";
  private final String facilityCode;
  private final String patientId;
  private String basis = "ORAL";
  private String identification = "INSURED_NUMBER";
  private String recordedBy = "nurse Higa";
  private String at;

  private ConsentRequest(String facilityCode, String patientId) {
    this.facilityCode = facilityCode;
    this.patientId = patientId;
  }

  public static ConsentRequest at(String facilityCode, String patientId) {
    return new ConsentRequest(facilityCode, patientId);
  }

  /** ORAL, or the emergency exemption when {@code exemption}. */
  public ConsentRequest exemption(boolean exemption) {
    return basis(exemption ? EXEMPTION : "ORAL");
  }

  public ConsentRequest basis(String basis) {
    this.basis = basis;
    return this;
  }

  public ConsentRequest identifiedBy(String identification) {
    this.identification = identification;
    return this;
  }

  public ConsentRequest recordedBy(String recordedBy) {
    this.recordedBy = recordedBy;
    return this;
  }

  public ConsentRequest when(String at) {
    this.at = at;
    return this;
  }

  public Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("facilityCode", facilityCode);
    body.put("patientId", patientId);
    body.put("basis", basis);
    body.put("identification", identification);
    if (EXEMPTION.equals(basis)) {
      body.put("exemptionReason", "unconscious after the earthquake");
    }
    body.put("recordedBy", recordedBy);
    body.put("at", at);
    return body;
  }
}
