package jp.emergencyaccess.ledger.infra;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's JDBC event storage engine as its Spring Boot auto-configuration builds it, with two
 * changes: the query that tracking readers (processors, the stream, the embedded store's shared
 * producer) run while their token has gaps, and their events' timestamps parsed once ({@link
 * StoredTimestampEngine}).
 *
 * <p>Axon's default is {@code WHERE (g > ? AND g <= ?) OR g IN (gaps) ORDER BY g}. H2 cannot use
 * the primary key for that OR and scans the whole table: with 1,000,000 events every poll read 1.1
 * million rows, about a fifth of all CPU under load (profiled, docs/performance.md), and the cost
 * grew with the store. The same rows come from two index range reads joined by UNION ALL (the gaps
 * always lie below the token's index, so the two parts never overlap).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "false")
class EventStoreConfig {

  /** Axon's default table and column names (its auto-configuration backs off with our engine). */
  @Bean
  EventSchema eventSchema() {
    return new EventSchema();
  }

  @Bean
  EventStorageEngine eventStorageEngine(
      Serializer defaultSerializer,
      @Qualifier("eventSerializer") Serializer eventSerializer,
      org.axonframework.config.Configuration configuration,
      ConnectionProvider connectionProvider,
      TransactionManager transactionManager,
      EventSchema eventSchema) {
    return new StoredTimestampEngine(
        JdbcEventStorageEngine.builder()
            .snapshotSerializer(defaultSerializer)
            .upcasterChain(configuration.upcasterChain())
            .persistenceExceptionResolver(new UniqueViolations())
            .eventSerializer(eventSerializer)
            .snapshotFilter(configuration.snapshotFilter())
            .connectionProvider(connectionProvider)
            .transactionManager(transactionManager)
            .schema(eventSchema)
            .readEventDataWithGaps(EventStoreConfig::readEventDataWithGaps));
  }

  /** The events after {@code globalIndex} (at most {@code batchSize} positions) and the gaps. */
  static PreparedStatement readEventDataWithGaps(
      Connection connection, EventSchema schema, long globalIndex, int batchSize, List<Long> gaps)
      throws SQLException {
    String index = schema.globalIndexColumn();
    String select = "SELECT " + schema.trackedEventFields() + " FROM " + schema.domainEventTable();
    String sql =
        select
            + " WHERE "
            + index
            + " > ? AND "
            + index
            + " <= ? UNION ALL "
            + select
            + " WHERE "
            + index
            + " IN ("
            + String.join(",", Collections.nCopies(gaps.size(), "?"))
            + ") ORDER BY "
            + index
            + " ASC";
    PreparedStatement statement = connection.prepareStatement(sql);
    statement.setLong(1, globalIndex);
    statement.setLong(2, globalIndex + batchSize);
    for (int i = 0; i < gaps.size(); i++) {
      statement.setLong(i + 3, gaps.get(i));
    }
    return statement;
  }
}
