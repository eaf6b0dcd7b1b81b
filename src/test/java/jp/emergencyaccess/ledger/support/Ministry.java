package jp.emergencyaccess.ledger.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The ministry's part of every test world, in one language: MHLW registers facilities, issues
 * notices and activates regions through the API, and each step must be accepted (201).
 */
public final class Ministry {
  private final Api mhlw;
  private final Consumer<Api.Reply> answered;

  public Ministry(Api api) {
    this(api, reply -> {});
  }

  /** A ministry whose every answer {@code answered} also sees (a world that checks them later). */
  public Ministry(Api api, Consumer<Api.Reply> answered) {
    this.mhlw = api.as("mhlw");
    this.answered = answered;
  }

  /** Registers the facility in the municipality's directory, as of 2020. */
  public void registers(String facilityCode, String kind, String name, String municipality) {
    registers(facilityCode, kind, name, municipality, "2020-01-01T00:00:00+09:00");
  }

  /**
   * Registers the facility as of {@code at}, for the tests of what happens before it: until then
   * the ledger does not know the facility.
   */
  public void registers(
      String facilityCode, String kind, String name, String municipality, String at) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("facilityCode", facilityCode);
    body.put("kind", kind);
    body.put("name", name);
    body.put("nameKana", "テストシセツ");
    body.put("postalCode", "900-8570");
    body.put("address", "那覇市泉崎1-2-2");
    body.put("municipalityCode", municipality);
    body.put("phone", "098-866-2333");
    body.put("at", at);
    accepted(mhlw.post("/api/facilities", body));
  }

  /** Issues a fresh notice as revision 1 of a series of its own; returns its id. */
  public String issuesNotice(String idPrefix, String issuedOn, String title) {
    return issuesRevision(idPrefix, TestCodes.series(), 1, issuedOn, title);
  }

  /**
   * Issues a fresh notice as the given revision of the series, for the tests that need the series:
   * its order (which notice extends or ends a period, which revision a question is asked as of) or
   * its name; returns its id.
   */
  public String issuesRevision(
      String idPrefix, String series, int revision, String issuedOn, String title) {
    String noticeId = TestCodes.noticeId(idPrefix);
    accepted(
        mhlw.post(
            "/api/notices",
            Map.of(
                "noticeId",
                noticeId,
                "series",
                series,
                "revision",
                revision,
                "issuedOn",
                issuedOn,
                "title",
                title)));
    return noticeId;
  }

  /** Activates the region from..until (Japan dates) under the notice. */
  public void activates(String region, String from, String until, String noticeId) {
    accepted(
        mhlw.post(
            "/api/regions/" + region + "/activate",
            Map.of("from", from, "until", until, "noticeId", noticeId)));
  }

  /**
   * Activates the region from..until under a fresh notice issued on {@code from}, for the tests of
   * {@code purpose}; returns the notice id.
   */
  public String activatesUnderNewNotice(
      String idPrefix, String purpose, String region, String from, String until) {
    String noticeId = issuesNotice(idPrefix, from, "activation for " + purpose + " tests");
    activates(region, from, until, noticeId);
    return noticeId;
  }

  private void accepted(Api.Reply reply) {
    answered.accept(reply);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
  }
}
