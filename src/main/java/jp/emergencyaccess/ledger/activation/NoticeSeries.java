package jp.emergencyaccess.ledger.activation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;

/**
 * A notice series as shipped in a data file (e.g. {@code notices/noto-2024-notices.json}): each
 * notice with what is confirmed about it, and the activation actions it took.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NoticeSeries(String series, String disaster, String note, List<Entry> notices) {

  /** One notice: {@code confirmed} says which parts are fact and which are assumed. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Entry(
      String noticeId,
      String series,
      int revision,
      LocalDate issuedOn,
      String officialTitle,
      String confirmed,
      List<Action> actions) {}

  /**
   * {@code activate} (from, until), {@code extend} (until) or {@code end} (lastDay), per region.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Action(
      String action, List<String> regions, LocalDate from, LocalDate until, LocalDate lastDay) {}
}
