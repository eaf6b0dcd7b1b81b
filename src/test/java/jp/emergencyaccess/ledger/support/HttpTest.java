package jp.emergencyaccess.ledger.support;

import jp.emergencyaccess.ledger.workbench.AlertRaised;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Base of the HTTP tests: the running application's port and the store behind it. Concrete classes
 * choose the store with {@link OnH2} or {@link OnPostgres}; contexts are shared, so every test
 * makes its own codes and ids with {@link TestCodes}.
 */
public abstract class HttpTest {
  @LocalServerPort protected int port;
  @Autowired protected JdbcTemplate jdbc;

  protected Api api() {
    return Api.at(port);
  }

  protected Api mhlw() {
    return api().as("mhlw");
  }

  protected Api fund() {
    return api().as("fund");
  }

  protected Api monitor() {
    return api().as("monitor");
  }

  /**
   * Registers a notice of a series of its own (MHLW) and returns its id: one event, for tests that
   * need something recorded.
   */
  protected String registerNotice(String prefix, String title) {
    return new Ministry(api()).issuesNotice(prefix, "2024-01-02", title);
  }

  /**
   * How many events the store holds that a request can cause: a refused request must not change it.
   * AlertRaised is left out because the access history appends it in the background, whenever it
   * reaches a lookup of an earlier test that completes a pattern.
   */
  protected long storedEvents() {
    return jdbc.queryForObject(
        "select count(*) from domainevententry where payloadtype <> ?",
        Long.class,
        AlertRaised.class.getName());
  }
}
