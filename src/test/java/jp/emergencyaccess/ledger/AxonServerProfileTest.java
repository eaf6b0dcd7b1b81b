package jp.emergencyaccess.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import jp.emergencyaccess.ledger.support.EmbeddedPostgresInitializer;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The {@code axonserver} profile's wiring, checked without an Axon Server (none can run here, and
 * nothing is mocked either): events go to Axon Server, read models to PostgreSQL. Whether commands
 * and events really flow through a live Axon Server was not tried; see README.
 */
class AxonServerProfileTest {

  @Test
  void eventsGoToAxonServer_andReadModelsToPostgres() throws Exception {
    String url = EmbeddedPostgresInitializer.newDatabase();
    try (var context =
        new SpringApplicationBuilder(LedgerApplication.class)
            .profiles("axonserver", "test")
            .run(
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--axon.axonserver.servers=localhost:1",
                "--logging.level.org.axonframework=OFF",
                "--logging.level.io.axoniq=OFF")) {
      assertThat(context.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
      assertThat(context.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
      try (var connection = context.getBean(DataSource.class).getConnection()) {
        assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
      }
      assertThat(context.getEnvironment().getProperty("axon.axonserver.context"))
          .isEqualTo("ledger");
    }
  }
}
