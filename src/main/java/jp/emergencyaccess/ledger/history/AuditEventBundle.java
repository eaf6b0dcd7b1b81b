package jp.emergencyaccess.ledger.history;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import jp.emergencyaccess.ledger.access.CoveredBy;
import jp.emergencyaccess.ledger.activation.ActivationChange;

/**
 * The access history as a FHIR R4 {@code Bundle} of type {@code collection}, one {@code AuditEvent}
 * per attempt, written as a stream (a long history is never held in memory). The facility is the
 * organization agent (identified by its medical institution code), the viewer the requesting human
 * agent, the pseudonymous patient ({@code patientRef}) the entity; outcome 0 for allowed, 4 for
 * denied; a lookup under the emergency exemption carries the break-glass purposes BTG and ETREAT,
 * one with consent TREAT.
 */
public final class AuditEventBundle {
  public static final String MEDICAL_INSTITUTION_NO =
      "http://jpfhir.jp/fhir/core/IdSystem/insurance-medical-institution-no";
  public static final String ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
  static final String VIEWER_SYSTEM = "urn:emergency-access-ledger:viewer-id";
  static final String PATIENT_REF_SYSTEM = "urn:emergency-access-ledger:patient-ref";

  private final JsonGenerator json;

  public AuditEventBundle(JsonGenerator json) {
    this.json = json;
  }

  public void start(String bundleId, Instant timestamp) {
    io(
        () -> {
          json.writeStartObject();
          json.writeStringField("resourceType", "Bundle");
          json.writeStringField("id", bundleId);
          json.writeStringField("type", "collection");
          json.writeStringField("timestamp", IsoText.of(timestamp));
          json.writeArrayFieldStart("entry");
        });
  }

  public void entry(AccessAttempt a) {
    io(
        () -> {
          json.writeStartObject();
          json.writeStringField("fullUrl", "urn:uuid:" + a.viewId());
          json.writeObjectFieldStart("resource");
          auditEvent(a);
          json.writeEndObject();
          json.writeEndObject();
        });
  }

  public void end() {
    io(
        () -> {
          json.writeEndArray();
          json.writeEndObject();
          json.flush();
        });
  }

  private void auditEvent(AccessAttempt a) throws IOException {
    boolean allowed = "ALLOWED".equals(a.decision());
    json.writeStringField("resourceType", "AuditEvent");
    json.writeStringField("id", a.viewId());
    json.writeObjectFieldStart("type");
    coding("http://dicom.nema.org/resources/ontology/DCM", "110110", "Patient Record");
    json.writeEndObject();
    json.writeArrayFieldStart("subtype");
    json.writeStartObject();
    coding("http://hl7.org/fhir/restful-interaction", "read", "read");
    json.writeEndObject();
    json.writeEndArray();
    json.writeStringField("action", "R");
    json.writeStringField("recorded", IsoText.of(a.at()));
    json.writeStringField("outcome", allowed ? "0" : "4");
    if (!allowed) {
      json.writeStringField("outcomeDesc", "denied: " + String.join(", ", a.reasons()));
    }
    json.writeArrayFieldStart("purposeOfEvent");
    if ("EMERGENCY_EXEMPTION".equals(a.consentBasis())) {
      purpose("BTG", "break the glass");
      purpose("ETREAT", "Emergency Treatment");
    } else {
      purpose("TREAT", "treatment");
    }
    json.writeEndArray();
    json.writeArrayFieldStart("agent");
    facilityAgent(a);
    viewerAgent(a);
    json.writeEndArray();
    json.writeObjectFieldStart("source");
    json.writeObjectFieldStart("observer");
    json.writeStringField("display", "Emergency Access Ledger");
    json.writeEndObject();
    json.writeArrayFieldStart("type");
    json.writeStartObject();
    json.writeStringField("system", "http://terminology.hl7.org/CodeSystem/security-source-type");
    json.writeStringField("code", "4");
    json.writeStringField("display", "Application Server");
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
    patientEntity(a);
  }

  private void facilityAgent(AccessAttempt a) throws IOException {
    json.writeStartObject();
    json.writeObjectFieldStart("type");
    json.writeArrayFieldStart("coding");
    json.writeStartObject();
    json.writeStringField("system", "http://terminology.hl7.org/CodeSystem/v3-RoleClass");
    json.writeStringField("code", "PROV");
    json.writeStringField("display", "healthcare provider");
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
    json.writeObjectFieldStart("who");
    identifier(MEDICAL_INSTITUTION_NO, a.facilityCode());
    json.writeStringField("type", "Organization");
    json.writeEndObject();
    json.writeBooleanField("requestor", false);
    json.writeEndObject();
  }

  private void viewerAgent(AccessAttempt a) throws IOException {
    json.writeStartObject();
    json.writeObjectFieldStart("type");
    json.writeArrayFieldStart("coding");
    json.writeStartObject();
    json.writeStringField(
        "system", "http://terminology.hl7.org/CodeSystem/extra-security-role-type");
    json.writeStringField("code", "humanuser");
    json.writeStringField("display", "human user");
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
    json.writeArrayFieldStart("role");
    json.writeStartObject();
    json.writeStringField("text", a.viewerRole());
    json.writeEndObject();
    json.writeEndArray();
    json.writeObjectFieldStart("who");
    identifier(VIEWER_SYSTEM + ":" + a.facilityCode(), a.viewerId());
    json.writeStringField("display", a.viewerId());
    json.writeEndObject();
    json.writeBooleanField("requestor", true);
    json.writeEndObject();
  }

  private void patientEntity(AccessAttempt a) throws IOException {
    json.writeArrayFieldStart("entity");
    json.writeStartObject();
    json.writeObjectFieldStart("what");
    identifier(PATIENT_REF_SYSTEM, a.patientRef());
    json.writeEndObject();
    json.writeObjectFieldStart("type");
    coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "1", "Person");
    json.writeEndObject();
    json.writeObjectFieldStart("role");
    coding("http://terminology.hl7.org/CodeSystem/object-role", "1", "Patient");
    json.writeEndObject();
    json.writeArrayFieldStart("detail");
    detail("categories", String.join(",", a.categories()));
    if (a.consentId() != null) {
      detail("consentId", a.consentId());
    }
    if (a.consentBasis() != null) {
      detail("consentBasis", a.consentBasis());
    }
    if (a.identification() != null) {
      detail("identification", a.identification());
    }
    CoveredBy covered = a.coveredBy();
    if (covered != null) {
      boolean region = covered.kind() == ActivationChange.Kind.REGION;
      String first = region ? covered.noticeId() : covered.applicationId();
      detail(
          "coveredBy",
          (region ? "REGION " + covered.regionCode() : "FACILITY")
              + (first == null ? "" : (region ? " notice " : " application ") + first));
      detail("coveredByChain", String.join(",", covered.chain()));
      if (covered.retroactive() != null) {
        detail("coveredByRetroactive", covered.retroactive().toString());
      }
    }
    json.writeEndArray();
    json.writeEndObject();
    json.writeEndArray();
  }

  private void coding(String system, String code, String display) throws IOException {
    json.writeStringField("system", system);
    json.writeStringField("code", code);
    json.writeStringField("display", display);
  }

  private void purpose(String code, String display) throws IOException {
    json.writeStartObject();
    json.writeArrayFieldStart("coding");
    json.writeStartObject();
    coding(ACT_REASON, code, display);
    json.writeEndObject();
    json.writeEndArray();
    json.writeEndObject();
  }

  private void identifier(String system, String value) throws IOException {
    json.writeObjectFieldStart("identifier");
    json.writeStringField("system", system);
    json.writeStringField("value", value);
    json.writeEndObject();
  }

  private void detail(String type, String value) throws IOException {
    json.writeStartObject();
    json.writeStringField("type", type);
    json.writeStringField("valueString", value);
    json.writeEndObject();
  }

  private interface IoStep {
    void run() throws IOException;
  }

  private static void io(IoStep step) {
    try {
      step.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
