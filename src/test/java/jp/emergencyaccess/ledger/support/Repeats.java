package jp.emergencyaccess.ledger.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the idempotency tests look at besides the answers: the store's head (a retry must not draw a
 * global index, or readers of the store wait out a gap), the repeat counter of /actuator/prometheus
 * and the log lines a request wrote.
 */
public final class Repeats {
  private Repeats() {}

  /** The highest global index of the store. */
  public static long head(JdbcTemplate jdbc) {
    Long head = jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class);
    return head == null ? 0 : head;
  }

  /** The global index of an aggregate's first event. */
  public static long globalIndexOf(JdbcTemplate jdbc, String aggregateId) {
    return jdbc.queryForObject(
        "select globalindex from domainevententry where aggregateidentifier = ?"
            + " and sequencenumber = 0",
        Long.class,
        aggregateId);
  }

  /** {@code ledger_requests_repeated_total} of one command and outcome, scraped over HTTP. */
  public static double counted(Api monitor, String command, String outcome) {
    Api.Reply reply = monitor.get("/actuator/prometheus");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply
        .text()
        .lines()
        .filter(l -> l.startsWith("ledger_requests_repeated_total{"))
        .filter(l -> l.contains("command=\"" + command + "\""))
        .filter(l -> l.contains("outcome=\"" + outcome + "\""))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }

  /** The lines logged since {@code mark} characters of the captured output. */
  public static List<String> linesSince(String output, int mark) {
    return output.substring(mark).lines().toList();
  }

  /** Lines that belong to a stack trace ("\tat ...", "Caused by: ..."). */
  public static List<String> stackTraceLines(List<String> lines) {
    return lines.stream()
        .filter(
            l ->
                l.startsWith("\tat ")
                    || l.startsWith("Caused by: ")
                    || l.matches("\t\\.\\.\\. \\d+ more"))
        .toList();
  }
}
