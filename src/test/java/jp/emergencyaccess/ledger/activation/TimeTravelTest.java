package jp.emergencyaccess.ledger.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.emergencyaccess.ledger.notice.NoticeDirectory;
import jp.emergencyaccess.ledger.notice.NoticeSummary;
import org.junit.jupiter.api.Test;

/** The diff of a revision: region rows that cite it, facilities switched on while it was latest. */
class TimeTravelTest {
  private static final NoticeSummary EXT_8 = notice("noto-2024-ext-8", 5, "2024-02-13");
  private static final NoticeSummary EXT_9 = notice("noto-2024-ext-9", 6, "2024-02-27");
  private final List<ActivationChange> rows = new ArrayList<>();

  private final TimeTravel timeTravel =
      new TimeTravel(
          new RowsActivationLog(rows),
          new NoticeDirectory() {
            public Optional<NoticeSummary> find(String id) {
              return all().stream().filter(n -> n.noticeId().equals(id)).findFirst();
            }

            public Optional<NoticeSummary> findRevision(String series, int revision) {
              return all().stream().filter(n -> n.revision() == revision).findFirst();
            }

            public List<NoticeSummary> all() {
              return List.of(EXT_8, EXT_9);
            }
          });

  private static NoticeSummary notice(String id, int revision, String issuedOn) {
    return new NoticeSummary(
        id, "noto-2024", revision, LocalDate.parse(issuedOn), id, null, Instant.EPOCH);
  }

  private void add(
      ActivationChange.Kind kind,
      String subject,
      ActivationChange.Change change,
      String previousUntil,
      String until,
      NoticeSummary notice,
      String at) {
    rows.add(
        new ActivationChange(
            rows.size() + 1,
            kind,
            subject,
            change,
            LocalDate.parse("2024-01-01"),
            LocalDate.parse(until),
            previousUntil == null ? null : LocalDate.parse(previousUntil),
            notice == null ? null : notice.noticeId(),
            notice == null ? null : notice.series(),
            notice == null ? null : notice.revision(),
            notice == null ? null : notice.issuedOn(),
            notice == null ? "app-" + subject : null,
            Instant.parse(at),
            Instant.EPOCH));
  }

  @Test
  void aRevisionsDiff_separatesExtensionsAndEnds_andAttributesFacilitiesByTheirInstant() {
    var region = ActivationChange.Kind.REGION;
    var facility = ActivationChange.Kind.FACILITY;
    add(
        region,
        "172022",
        ActivationChange.Change.EXTENDED,
        "2024-02-14",
        "2024-02-29",
        EXT_8,
        "2024-02-13T00:00:00Z");
    add(
        region,
        "162051",
        ActivationChange.Change.ENDED,
        "2024-02-14",
        "2024-02-14",
        EXT_8,
        "2024-02-13T00:00:00Z");
    add(
        region,
        "172022",
        ActivationChange.Change.EXTENDED,
        "2024-02-29",
        "2024-03-07",
        EXT_9,
        "2024-02-27T00:00:00Z");
    // 2024-02-20 JST: while (その8) was the latest revision
    add(
        facility,
        "1640110019",
        ActivationChange.Change.ACTIVATED,
        null,
        "2024-03-15",
        null,
        "2024-02-20T01:00:00Z");
    // 2024-02-27 00:00 JST exactly: (その9)'s day
    add(
        facility,
        "1710112341",
        ActivationChange.Change.ACTIVATED,
        null,
        "2024-03-31",
        null,
        "2024-02-26T15:00:00Z");

    NoticeDiff eight = timeTravel.diff(EXT_8);
    assertThat(eight.previous()).isNull();
    assertThat(eight.extended()).extracting(ActivationChange::subject).containsExactly("172022");
    assertThat(eight.extended().get(0).until()).isEqualTo(LocalDate.parse("2024-02-29"));
    assertThat(eight.ended()).extracting(ActivationChange::subject).containsExactly("162051");
    assertThat(eight.activated()).isEmpty();
    assertThat(eight.facilitiesSwitchedOn())
        .extracting(ActivationChange::subject)
        .containsExactly("1640110019");

    NoticeDiff nine = timeTravel.diff(EXT_9);
    assertThat(nine.previous()).isEqualTo(EXT_8);
    assertThat(nine.extended())
        .extracting(ActivationChange::previousUntil)
        .containsExactly(LocalDate.parse("2024-02-29"));
    assertThat(nine.facilitiesSwitchedOn())
        .extracting(ActivationChange::subject)
        .containsExactly("1710112341");
  }
}
