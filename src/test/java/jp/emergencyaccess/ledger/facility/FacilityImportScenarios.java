package jp.emergencyaccess.ledger.facility;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.HttpTest;
import org.junit.jupiter.api.Test;

/** Bulk import of facilities from CSV, all or nothing; run on H2 and on PostgreSQL. */
abstract class FacilityImportScenarios extends HttpTest {
  static final String HEADER =
      "facilityCode,kind,name,nameKana,postalCode,address,municipalityCode,phone\n";

  /** 宮崎市: the import tests own prefecture 45's medical codes; no other test uses them. */
  static final String MIYAZAKI_CITY = "452017";

  /** A valid medical code of prefecture 45, the n-th of a series (n < 1,000,000). */
  static String code(int n) {
    String nine = String.format("451%06d", n);
    return nine + FacilityCode.checkDigit(nine);
  }

  static String row(String code, String name) {
    return code
        + ",CLINIC,"
        + name
        + ",ミヤザキ,880-0001,\"宮崎県宮崎市橘通西1-1, 2F\","
        + MIYAZAKI_CITY
        + ",0985-00-0000\n";
  }

  Api.Reply post(String csv) {
    Api mhlw = mhlw();
    return mhlw.send(
        mhlw.request("/api/facilities/import")
            .timeout(Duration.ofMinutes(10))
            .header("Content-Type", "text/csv")
            .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)));
  }

  @Test
  void aHundredThousandRows_areAllRegistered() {
    StringBuilder csv = new StringBuilder(HEADER);
    for (int n = 0; n < 100_000; n++) {
      csv.append(row(code(n), "宮崎診療所" + n));
    }
    long start = System.nanoTime();
    var reply = post(csv.toString());
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    assertThat(reply.json().get("imported").asInt()).isEqualTo(100_000);
    System.out.printf(
        "[import] %s: 100,000 facilities (%d bytes) in %d ms%n",
        getClass().getSimpleName(), csv.length(), millis);
    Long count =
        jdbc.queryForObject(
            "select count(*) from facility where facility_code like '451%'", Long.class);
    assertThat(count).isEqualTo(100_000L);
    // The imported streams are the aggregate's own: it knows it is registered.
    var again =
        mhlw()
            .post(
                "/api/facilities",
                FacilityApiScenarios.facility(code(12_345), "CLINIC", MIYAZAKI_CITY));
    assertThat(again.status()).as(again.toString()).isEqualTo(409);
    assertThat(again.json().get("rule").asText()).isEqualTo("FACILITY_ALREADY_REGISTERED");
    JsonNode one = mhlw().get("/api/facilities/" + code(99_999)).json();
    assertThat(one.get("name").asText()).isEqualTo("宮崎診療所99999");
    assertThat(one.get("address").asText()).isEqualTo("宮崎県宮崎市橘通西1-1, 2F");
  }

  /** `?at=` says when the imported registrations happened: before it the facility is unknown. */
  @Test
  void anImportWithItsInstant_registersTheFacilitiesFromThatInstantOn() {
    Api mhlw = mhlw();
    String csv = HEADER + row(code(950_001), "宮崎過去診療所");
    var reply =
        mhlw.send(
            mhlw.request("/api/facilities/import?at=2024-01-05T09:00:00%2B09:00")
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    assertThat(reply.json().get("at").asText()).isEqualTo("2024-01-05T09:00:00+09:00");
    String check = "/api/activation/check?facility=" + code(950_001) + "&at=";
    assertThat(monitor().get(check + "2024-01-05T08:59%2B09:00").json().get("reasons").toString())
        .isEqualTo("[\"FACILITY_UNKNOWN\",\"NOT_ACTIVATED\"]");
    assertThat(monitor().get(check + "2024-01-05T09:00%2B09:00").json().get("reasons").toString())
        .isEqualTo("[\"NOT_ACTIVATED\"]");
  }

  @Test
  void oneBadRow_refusesTheWholeFile_withAReportNamingTheRow() {
    long events = storedEvents();
    StringBuilder csv = new StringBuilder(HEADER);
    for (int n = 0; n < 50; n++) {
      String code = String.format("441%06d", n);
      code += FacilityCode.checkDigit(code);
      String municipality = "442011";
      if (n == 37) {
        code = code.substring(0, 9) + ((code.charAt(9) - '0' + 1) % 10);
      }
      csv.append(code + ",CLINIC,大分診療所,オオイタ,870-0001,大分県大分市1," + municipality + ",097-000-0000\n");
    }
    var reply = post(csv.toString());
    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    JsonNode errors = reply.json().get("errors");
    assertThat(errors).hasSize(1);
    assertThat(errors.at("/0/row").asInt()).isEqualTo(39);
    assertThat(errors.at("/0/field").asText()).isEqualTo("facilityCode");
    assertThat(errors.at("/0/message").asText()).contains("check digit");
    assertThat(storedEvents()).isEqualTo(events);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from facility where facility_code like '441%'", Long.class))
        .isZero();
  }

  @Test
  void duplicatesInTheFile_alreadyRegisteredCodes_andBadHeaders_areReported() {
    String registered = code(900_001);
    assertThat(post(HEADER + row(registered, "先行")).status()).isEqualTo(201);
    long events = storedEvents();
    String fresh = code(900_002);
    var reply =
        post(
            HEADER
                + row(fresh, "a")
                + row(registered, "b")
                + row(fresh, "c")
                + fresh.replace(fresh, code(900_003))
                + ",CLINIC,x\n"
                + row(code(900_004), "d").replace("CLINIC", "SURGERY"));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    JsonNode errors = reply.json().get("errors");
    assertThat(reply.json().get("errorCount").asInt()).isEqualTo(4);
    assertThat(errors.at("/0/row").asInt()).isEqualTo(3);
    assertThat(errors.at("/0/message").asText()).isEqualTo("is already registered");
    assertThat(errors.at("/1/row").asInt()).isEqualTo(4);
    assertThat(errors.at("/1/message").asText()).isEqualTo("is also on row 2 of this file");
    assertThat(errors.at("/2/field").asText()).isEqualTo("row");
    assertThat(errors.at("/3/field").asText()).isEqualTo("kind");
    assertThat(storedEvents()).isEqualTo(events);

    var badHeader = post("code,kind\n" + row(code(900_005), "e"));
    assertThat(badHeader.status()).isEqualTo(400);
    assertThat(badHeader.json().at("/errors/0/field").asText()).isEqualTo("header");
    assertThat(
            api()
                .as("fund")
                .postRaw(
                    "/api/facilities/import", "text/csv", HEADER.getBytes(StandardCharsets.UTF_8))
                .status())
        .isEqualTo(403);
    assertThat(storedEvents()).isEqualTo(events);
  }
}
