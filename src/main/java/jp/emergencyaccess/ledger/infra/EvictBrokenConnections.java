package jp.emergencyaccess.ledger.infra;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;

/**
 * Makes the connection pool drop a connection to an embedded H2 that closed itself, so that the
 * next connection opens the database again and the ledger recovers without a restart. H2 closes the
 * database when a write to its file fails (a full or read-only disk); every session of it then
 * answers "The database has been closed" (90098). The pool evicts a connection only for SQL states
 * of class 08 and a few others, which H2 does not use here, so without this it would hand out the
 * dead sessions until they reached their maximum lifetime. PostgreSQL's lost connections (08...,
 * 57P01) are evicted by the pool itself. Named in {@code
 * spring.datasource.hikari.exception-override-class-name}.
 */
public class EvictBrokenConnections implements SQLExceptionOverride {
  @java.lang.Override
  public SQLExceptionOverride.Override adjudicate(SQLException e) {
    return e.getClass().getName().startsWith("org.h2.") && StoreFailures.unavailable(e)
        ? SQLExceptionOverride.Override.MUST_EVICT
        : SQLExceptionOverride.Override.CONTINUE_EVICT;
  }
}
