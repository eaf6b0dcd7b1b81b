package jp.emergencyaccess.ledger.history;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import jp.emergencyaccess.ledger.access.CoveredBy;
import jp.emergencyaccess.ledger.access.Lookup;
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
  private final boolean patientFacing;
  private boolean searchset;

  public AuditEventBundle(JsonGenerator json) {
    this(json, false);
  }

  /**
   * {@code patientFacing}: without the viewer's identity and the consent's id (a patient's own
   * search shows facilities, not their staff); the viewer agent keeps its type and role.
   */
  public AuditEventBundle(JsonGenerator json, boolean patientFacing) {
    this.json = json;
    this.patientFacing = patientFacing;
  }

  /**
   * Starts a {@code searchset} bundle (an AuditEvent search's answer): {@code total} matches, a
   * {@code self} link and a {@code next} link (null on the last page); each entry is a match.
   */
  public void startSearchset(
      String bundleId, Instant timestamp, long total, String self, String next) {
    searchset = true;
    io(
        () -> {
          json.writeStartObject();
          json.writeStringField("resourceType", "Bundle");
          json.writeStringField("id", bundleId);
          json.writeStringField("type", "searchset");
          json.writeStringField("timestamp", IsoText.of(timestamp));
          json.writeNumberField("total", total);
          json.writeArrayFieldStart("link");
          link("self", self);
          if (next != null) {
            link("next", next);
          }
          json.writeEndArray();
          json.writeArrayFieldStart("entry");
        });
  }

  private void link(String relation, String url) throws IOException {
    json.writeStartObject();
    json.writeStringField("relation", relation);
    json.writeStringField("url", url);
    json.writeEndObject();
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

  public void entry(AccessAttempt attempt) {
    Lookup a = attempt.lookup();
    io(
        () -> {
          json.writeStartObject();
          json.writeStringField("fullUrl", "urn:uuid:" + a.viewId());
          json.writeObjectFieldStart("resource");
          auditEvent(a);
          json.writeEndObject();
          if (searchset) {
            json.writeObjectFieldStart("search");
            json.writeStringField("mode", "match");
            json.writeEndObject();
          }
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

  private void auditEvent(Lookup a) throws IOException {
    boolean allowed = a.allowed();
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
      json.writeStringField("outcomeDesc", "denied: " + CodeText.join(a.reasons(), ", "));
    }
    json.writeArrayFieldStart("purposeOfEvent");
    if (a.underExemption()) {
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

  private void facilityAgent(Lookup a) throws IOException {
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

  private void viewerAgent(Lookup a) throws IOException {
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
    json.writeStringField("text", a.viewerRole().name());
    json.writeEndObject();
    json.writeEndArray();
    if (!patientFacing) {
      json.writeObjectFieldStart("who");
      identifier(VIEWER_SYSTEM + ":" + a.facilityCode(), a.viewerId());
      json.writeStringField("display", a.viewerId());
      json.writeEndObject();
    }
    json.writeBooleanField("requestor", true);
    json.writeEndObject();
  }

  private void patientEntity(Lookup a) throws IOException {
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
    detail("categories", CodeText.join(a.categories(), ","));
    if (a.consentId() != null && !patientFacing) {
      detail("consentId", a.consentId());
    }
    if (a.consentBasis() != null) {
      detail("consentBasis", a.consentBasis().name());
    }
    if (a.identification() != null) {
      detail("identification", a.identification().name());
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
