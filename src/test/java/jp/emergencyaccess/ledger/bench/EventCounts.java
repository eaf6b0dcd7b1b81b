package jp.emergencyaccess.ledger.bench;

import org.springframework.jdbc.core.JdbcTemplate;

/** The event store's head position and size, read from its table. */
record EventCounts(JdbcTemplate jdbc) {
  long head() {
    return jdbc.queryForObject(
        "select coalesce(max(globalindex), 0) from domainevententry", Long.class);
  }

  long ofType(Class<?> payload) {
    return jdbc.queryForObject(
        "select count(*) from domainevententry where payloadtype = ?",
        Long.class,
        payload.getName());
  }

  long events() {
    return jdbc.queryForObject("select count(*) from domainevententry", Long.class);
  }
}
