package jp.emergencyaccess.ledger.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Points the application at a real PostgreSQL: one server per test JVM, one fresh database per
 * application context.
 */
public class EmbeddedPostgresInitializer
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
      } catch (IOException e) {
        throw new UncheckedIOException("could not start embedded PostgreSQL", e);
      }
      // Stopped by Spring Boot after every application context has closed, not by a JVM shutdown
      // hook (zonky's or our own): those run concurrently with Spring Boot's, so the server went
      // down under closing contexts, whose chainer then waited for a connection (Hikari's 30 s
      // timeout) until surefire killed the fork 30 s after System.exit.
      SpringApplication.getShutdownHandlers().add(EmbeddedPostgresInitializer::stop);
    }
    return server;
  }

  /** A new, empty database on the shared server; returns its JDBC URL. */
  public static String newDatabase() {
    String name = "ledger_" + DATABASES.incrementAndGet();
    try (Connection c = server().getPostgresDatabase().getConnection()) {
      c.createStatement().execute("create database " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + name, e);
    }
    return server().getJdbcUrl("postgres", name);
  }

  private static synchronized void stop() {
    try {
      server.close();
    } catch (IOException ignored) {
      // the JVM is exiting
    }
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestPropertyValues.of(
            "spring.datasource.url=" + newDatabase(),
            "spring.datasource.username=postgres",
            "spring.datasource.password=postgres")
        .applyTo(context);
  }
}
