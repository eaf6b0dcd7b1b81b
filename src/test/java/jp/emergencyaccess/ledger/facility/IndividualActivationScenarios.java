package jp.emergencyaccess.ledger.facility;

import static jp.emergencyaccess.ledger.facility.Applications.ensureRegistered;
import static jp.emergencyaccess.ledger.facility.Applications.form;
import static jp.emergencyaccess.ledger.facility.Applications.submit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.HttpTest;
import jp.emergencyaccess.ledger.support.Ministry;
import jp.emergencyaccess.ledger.support.TestCodes;
import org.junit.jupiter.api.Test;

/**
 * The issue's scenario: after the seed notice (その8) ended activation outside the 19 Ishikawa
 * municipalities on 2024-02-14, a pharmacy in 富山市 applies on form 別添1 and MHLW switches it on
 * individually until 2024-03-15. Run on H2 and on PostgreSQL.
 */
abstract class IndividualActivationScenarios extends HttpTest {
  static final String TOYAMA_PHARMACY = "1640110019";
  static final String TOYAMA_CITY = "162019";

  private Api toyama() {
    return api().as("toyama-pharmacy");
  }

  private JsonNode check(Api as, String facility, String at) {
    var reply =
        as.get("/api/activation/check?facility=" + facility + "&at=" + at.replace("+", "%2B"));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  @Test
  void aToyamaPharmacyOutsideTheList_isSwitchedOnByItsApplication_untilTheLastMinuteOfMarch15() {
    ensureRegistered(mhlw(), TOYAMA_PHARMACY, "PHARMACY", TOYAMA_CITY, "富山駅前薬局", "富山県富山市明輪町1-1");
    JsonNode before = check(toyama(), TOYAMA_PHARMACY, "2024-02-15T09:00+09:00");
    assertThat(before.get("active").asBoolean()).isFalse();
    assertThat(before.get("reasons").toString()).contains("NOT_ACTIVATED");

    var form = form(TOYAMA_PHARMACY, "PHARMACY", "2024-02-15", "2024-03-31");
    form.put("at", "2024-02-15T10:00:00+09:00");
    String id = submit(toyama(), form);
    var approved =
        mhlw()
            .post(
                "/api/applications/" + id + "/approve",
                Map.of(
                    "from",
                    "2024-02-15",
                    "until",
                    "2024-03-15",
                    "at",
                    "2024-02-16T09:00:00+09:00"));
    assertThat(approved.status()).as(approved.toString()).isEqualTo(201);
    assertThat(approved.json().get("status").asText()).isEqualTo("APPROVED");
    assertThat(approved.json().at("/decision/at").asText()).isEqualTo("2024-02-16T09:00:00+09:00");

    JsonNode published = monitor().get("/api/facilities/individually-activated").json();
    JsonNode entry =
        StreamSupport.stream(published.spliterator(), false)
            .filter(f -> f.get("facilityCode").asText().equals(TOYAMA_PHARMACY))
            .findFirst()
            .orElseThrow();
    assertThat(entry.get("name").asText()).isEqualTo("富山駅前薬局");
    assertThat(entry.get("address").asText()).isEqualTo("富山県富山市明輪町1-1");
    assertThat(entry.at("/periods/0/from").asText()).isEqualTo("2024-02-15");
    assertThat(entry.at("/periods/0/until").asText()).isEqualTo("2024-03-15");
    assertThat(entry.at("/periods/0/applicationId").asText()).isEqualTo(id);
    List<String> codes =
        StreamSupport.stream(published.spliterator(), false)
            .map(f -> f.get("facilityCode").asText())
            .toList();
    assertThat(codes).isSorted();

    JsonNode lastMinute = check(toyama(), TOYAMA_PHARMACY, "2024-03-15T23:59+09:00");
    assertThat(lastMinute.get("active").asBoolean()).isTrue();
    assertThat(lastMinute.get("facilityCode").asText()).isEqualTo(TOYAMA_PHARMACY);
    assertThat(lastMinute.get("basis")).hasSize(1);
    assertThat(lastMinute.at("/basis/0/kind").asText()).isEqualTo("FACILITY");
    assertThat(lastMinute.at("/basis/0/applicationId").asText()).isEqualTo(id);
    assertThat(lastMinute.get("reasons")).isEmpty();
    assertThat(lastMinute.get("at").asText()).isEqualTo("2024-03-15T23:59:00+09:00");

    JsonNode nextDay = check(fund(), TOYAMA_PHARMACY, "2024-03-16T00:00+09:00");
    assertThat(nextDay.get("active").asBoolean()).isFalse();
    assertThat(nextDay.get("basis")).isEmpty();
    assertThat(nextDay.get("reasons").toString()).isEqualTo("[\"NOT_ACTIVATED\"]");
    // The same last instant written in UTC.
    assertThat(check(mhlw(), TOYAMA_PHARMACY, "2024-03-15T14:59:59.999Z").get("active").asBoolean())
        .isTrue();

    JsonNode state = monitor().get("/api/activation?at=2024-03-01").json();
    JsonNode listed =
        StreamSupport.stream(state.get("facilities").spliterator(), false)
            .filter(f -> f.get("facilityCode").asText().equals(TOYAMA_PHARMACY))
            .findFirst()
            .orElseThrow();
    assertThat(listed.get("until").asText()).isEqualTo("2024-03-15");
    assertThat(listed.get("applicationId").asText()).isEqualTo(id);

    assertThat(toyama().get("/api/applications/" + id).status()).isEqualTo(200);
    assertThat(api().as("nanao-pharmacy").get("/api/applications/" + id).status()).isEqualTo(403);
    assertThat(api().as("kanazawa-clinic").post("/api/applications", form).status()).isEqualTo(403);
    assertThat(toyama().get("/api/activation/check?facility=1710112341&at=2024-03-01").status())
        .isEqualTo(403);
    JsonNode own = toyama().get("/api/facilities/" + TOYAMA_PHARMACY).json();
    assertThat(own.at("/activation/individualPeriods/0/until").asText()).isEqualTo("2024-03-15");
  }

  @Test
  void aFacilityInAnActivatedMunicipality_isCoveredByTheRegion_withItsNotice() {
    String municipality = TestCodes.okinawaMunicipality();
    String code = TestCodes.facilityCode('1');
    ensureRegistered(mhlw(), code, "CLINIC", municipality, "那覇クリニック", "沖縄県那覇市1");
    Ministry ministry = new Ministry(api());
    String notice = ministry.issuesNotice("n", "2024-08-08", "台風");
    ministry.activates(municipality, "2024-08-08", "2024-08-15", notice);

    JsonNode covered = check(mhlw(), code, "2024-08-15T23:59:59.999+09:00");
    assertThat(covered.get("active").asBoolean()).isTrue();
    assertThat(covered.at("/basis/0/kind").asText()).isEqualTo("REGION");
    assertThat(covered.at("/basis/0/regionCode").asText()).isEqualTo(municipality);
    assertThat(covered.at("/basis/0/noticeId").asText()).isEqualTo(notice);
    assertThat(covered.has("revision")).isFalse();
    assertThat(check(mhlw(), code, "2024-08-16T00:00+09:00").get("active").asBoolean()).isFalse();
    JsonNode asOfNotice =
        mhlw()
            .get("/api/activation/check?facility=" + code + "&at=2024-08-10&revision=" + notice)
            .json();
    assertThat(asOfNotice.get("revision").asText()).isEqualTo(notice);
    assertThat(asOfNotice.get("active").asBoolean()).isTrue();

    JsonNode unknown = check(mhlw(), TestCodes.facilityCode('3'), "2024-08-10");
    assertThat(unknown.get("active").asBoolean()).isFalse();
    assertThat(unknown.get("reasons").toString()).isEqualTo("[\"FACILITY_UNKNOWN\"]");
    var badCode = mhlw().get("/api/activation/check?facility=123&at=2024-08-10");
    assertThat(badCode.status()).isEqualTo(400);
    // The region variant keeps working.
    JsonNode region = check(mhlw(), code, "2024-08-10");
    assertThat(
            mhlw()
                .get("/api/activation/check?region=" + municipality + "&at=2024-08-10")
                .json()
                .get("active")
                .asBoolean())
        .isEqualTo(region.get("active").asBoolean())
        .isTrue();
  }
}
