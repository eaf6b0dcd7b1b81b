package jp.emergencyaccess.ledger.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * A released migration never changes, not even in a comment: Flyway keeps each applied migration's
 * checksum and refuses to start on a database whose migrations differ from the files. So a
 * migration's comments stay as true as they were on the day it was released, like a stored event,
 * and the code's own documentation says what holds today. {@code golden/migrations.txt} holds the
 * version and Flyway's checksum of every released migration (a Java migration has none); a new
 * migration is added to it when it is released.
 */
class ReleasedMigrationsTest {

  @Test
  void everyReleasedMigrationIsUnchanged_andEveryMigrationIsListed() throws IOException {
    Map<String, String> released = released();
    Map<String, String> now = new LinkedHashMap<>();
    for (MigrationInfo m : resolved()) {
      now.put(m.getVersion().getVersion(), Objects.toString(m.getChecksum(), "-"));
    }
    assertThat(now)
        .as(
            "a released migration was edited, removed, or a new one is not yet in"
                + " golden/migrations.txt (editing one breaks every database that applied it)")
        .containsExactlyInAnyOrderEntriesOf(released);
  }

  /** The migrations as Flyway resolves them from the classpath, without touching a database. */
  private static MigrationInfo[] resolved() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:released-migrations;MODE=PostgreSQL");
    Flyway flyway =
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
    return flyway.info().all();
  }

  private static Map<String, String> released() throws IOException {
    Map<String, String> versions = new LinkedHashMap<>();
    try (InputStream in =
        ReleasedMigrationsTest.class.getResourceAsStream("/golden/migrations.txt")) {
      assertThat(in).as("golden/migrations.txt").isNotNull();
      Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
          .map(String::strip)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .map(line -> line.split("\\s+"))
          .forEach(fields -> versions.put(fields[0], fields[1]));
    }
    return versions;
  }
}
