package jp.emergencyaccess.ledger.support;

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

  /** How many events the store holds: a refused request must not change it. */
  protected long storedEvents() {
    return jdbc.queryForObject("select count(*) from domainevententry", Long.class);
  }
}
