package jp.emergencyaccess.ledger.workbench;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jp.emergencyaccess.ledger.common.RequestingAccount;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records a read of the logs before it is answered (NIST 800-53 AU-9(4), guideline 6.0 §17): an
 * event in the store, so the record is chained and rebuilt like every other, written with its row
 * of the auditors' log in one transaction. A read whose record cannot be stored is not answered.
 */
@Component
public class AuditorsLog {
  private final EventGateway events;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final RequestingAccount requester;

  AuditorsLog(
      EventGateway events,
      TransactionTemplate transactions,
      Clock clock,
      RequestingAccount requester) {
    this.requester = requester;
    this.events = events;
    this.transactions = transactions;
    this.clock = clock;
  }

  /**
   * Name and value pairs, in order, as {@link #read} takes them; nulls stay (the log leaves them
   * out).
   */
  public static Map<String, Object> filters(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  /**
   * Records the current account's read of a page of a facility's access history (the API's and the
   * console's), with the filters as the caller was given them.
   */
  public void readHistory(
      String facilityCode,
      String from,
      String to,
      String decision,
      String flag,
      String cursor,
      Integer limit) {
    read(
        "ACCESS_HISTORY",
        facilityCode,
        filters(
            "from",
            from,
            "to",
            to,
            "decision",
            decision,
            "flag",
            flag,
            "cursor",
            cursor,
            "limit",
            limit));
  }

  /** Records the current account's read; null filter values are left out. */
  public void read(String action, String subject, Map<String, ?> filters) {
    RequestingAccount.Who account = requester.current();
    Map<String, Object> sorted = new TreeMap<>();
    filters.forEach(
        (k, v) -> {
          if (v != null) {
            sorted.put(k, v);
          }
        });
    String text =
        sorted.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("&"));
    LogRead read =
        new LogRead(
            account.name(),
            account.role(),
            action,
            subject == null ? "*" : subject,
            text,
            clock.instant());
    transactions.executeWithoutResult(t -> events.publish(read));
  }
}
