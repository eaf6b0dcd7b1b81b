package jp.emergencyaccess.ledger.bench;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.emergencyaccess.ledger.access.CoveredBy;
import jp.emergencyaccess.ledger.access.InfoCategory;
import jp.emergencyaccess.ledger.access.MedicalInfoView;
import jp.emergencyaccess.ledger.access.MedicalInfoViewed;
import jp.emergencyaccess.ledger.access.ViewerRole;
import jp.emergencyaccess.ledger.consent.ConsentBasis;
import jp.emergencyaccess.ledger.consent.Identification;
import jp.emergencyaccess.ledger.support.Api;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The world of the view benchmark: a notice activating one municipality, facilities in it with a
 * consent each, and recorded views appended straight to Axon's event storage engine (seeding, and
 * the raw append rate the decisions are compared with).
 */
final class ViewSetup {
  static final String AT = "2024-02-20T10:00:00+09:00";

  private final Api api;
  private final EventStorageEngine engine;
  private final JdbcTemplate jdbc;
  private final String municipality;

  ViewSetup(Api api, EventStorageEngine engine, JdbcTemplate jdbc, String municipality) {
    this.api = api;
    this.engine = engine;
    this.jdbc = jdbc;
    this.municipality = municipality;
  }

  /** A facility account with its consent, ready to send lookups. */
  record Client(String account, String facilityCode, String consentId, String patientId) {}

  /** Registers a notice and activates the municipality for February 2024. */
  void activate() {
    String notice = "bench-" + UUID.randomUUID().toString().substring(0, 8);
    expect(
        201,
        api.as("mhlw")
            .post(
                "/api/notices",
                Map.of(
                    "noticeId",
                    notice,
                    "series",
                    notice,
                    "revision",
                    1,
                    "issuedOn",
                    "2024-02-01",
                    "title",
                    "benchmark")));
    expect(
        201,
        api.as("mhlw")
            .post(
                "/api/regions/" + municipality + "/activate",
                Map.of("from", "2024-02-01", "until", "2024-02-29", "noticeId", notice)));
  }

  /** Registers the facility of a FACILITY account and records a consent for its patient. */
  Client client(String account, String code) {
    expect(
        201,
        api.as("mhlw")
            .post(
                "/api/facilities",
                Map.of(
                    "facilityCode", code,
                    "kind", "CLINIC",
                    "name", "Benchmark clinic " + account,
                    "nameKana", "ベンチマーク",
                    "postalCode", "900-8570",
                    "address", "Naha 1-1",
                    "municipalityCode", municipality,
                    "phone", "098-866-2333",
                    "at", "2020-01-01T00:00:00+09:00")));
    String patientId = "BENCH-" + account;
    var consent =
        expect(
            201,
            api.as(account)
                .post(
                    "/api/consents",
                    Map.of(
                        "facilityCode", code,
                        "patientId", patientId,
                        "basis", "ORAL",
                        "identification", "INSURED_NUMBER",
                        "recordedBy", "benchmark",
                        "at", "2024-02-01T09:00:00+09:00")));
    return new Client(account, code, consent.json().get("consentId").asText(), patientId);
  }

  /**
   * Appends one recorded view of the facility in a transaction of its own, without any command
   * handling: what the store can do with the same event.
   */
  void appendOne(Client client, String patientRef, String requestId, Instant at) {
    engine.appendEvents(viewed(client, patientRef, requestId, at));
  }

  String patientRef(Client client) {
    return jdbc.queryForObject(
        "select patient_ref from consent where consent_id = ?", String.class, client.consentId());
  }

  private GenericDomainEventMessage<MedicalInfoViewed> viewed(
      Client client, String patientRef, String requestId, Instant at) {
    String viewId = UUID.randomUUID().toString();
    return new GenericDomainEventMessage<>(
        MedicalInfoView.class.getSimpleName(),
        viewId,
        0,
        new MedicalInfoViewed(
            viewId,
            requestId,
            client.facilityCode(),
            "seed-viewer",
            ViewerRole.DOCTOR,
            patientRef,
            List.of(InfoCategory.MEDICATION),
            client.consentId(),
            ConsentBasis.ORAL,
            Identification.INSURED_NUMBER,
            CoveredBy.region(municipality, "seed"),
            at));
  }

  static Api.Reply expect(int status, Api.Reply reply) {
    if (reply.status() != status) {
      throw new IllegalStateException("expected " + status + ": " + reply);
    }
    return reply;
  }
}
