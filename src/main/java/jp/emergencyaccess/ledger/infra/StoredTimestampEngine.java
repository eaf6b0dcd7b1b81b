package jp.emergencyaccess.ledger.infra;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC storage engine, whose tracked events (what processors and the stream read) carry
 * their timestamp parsed once from the stored text by {@link UtcInstants}. Axon's own entries keep
 * the text and parse it with a {@code DateTimeFormatter} each time it is asked for, and the message
 * asks again after the engine has, for every event a read model replays (docs/overrides.md). A text
 * of another form keeps Axon's parsing, and an aggregate's events (read to rebuild it) keep Axon's
 * reading.
 */
class StoredTimestampEngine extends JdbcEventStorageEngine {
  StoredTimestampEngine(Builder builder) {
    super(builder);
  }

  @Override
  protected TrackedEventData<?> getTrackedEventData(
      ResultSet resultSet, GapAwareTrackingToken previousToken) throws SQLException {
    TrackedEventData<?> tracked = super.getTrackedEventData(resultSet, previousToken);
    Object stored = readTimeStamp(resultSet, schema().timestampColumn());
    Instant timestamp = stored instanceof CharSequence text ? UtcInstants.parse(text) : null;
    if (timestamp == null || !(tracked instanceof TrackedDomainEventData<?> domain)) {
      return tracked;
    }
    return parsed(domain, timestamp);
  }

  private static <T> TrackedDomainEventData<T> parsed(
      TrackedDomainEventData<T> domain, Instant timestamp) {
    return new TrackedDomainEventData<>(domain.trackingToken(), domain) {
      @Override
      public Instant getTimestamp() {
        return timestamp;
      }
    };
  }
}
