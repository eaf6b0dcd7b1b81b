package jp.emergencyaccess.ledger.integrity;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;

/**
 * Reads events through Axon's {@link EventStore#openStream}, for stores with no table to read (Axon
 * Server). Payload and metadata are the messages' serialized forms (the stored bytes when the
 * message still holds them, else re-serialized with the event serializer): canonical JSON makes the
 * two give the same digest. Axon Server's positions have no gaps and are never reordered.
 */
public class AxonStreamEvents implements StoredEvents {
  private static final int WAIT_MILLIS = 200;

  private final EventStore store;
  private final Serializer serializer;
  private final LongFunction<TrackingToken> tokenAt;

  /** {@code tokenAt(p)} is the store's token positioned at p (its next event is p + 1). */
  public AxonStreamEvents(
      EventStore store, Serializer serializer, LongFunction<TrackingToken> tokenAt) {
    this.store = store;
    this.serializer = serializer;
    this.tokenAt = tokenAt;
  }

  @Override
  public List<StoredEvent> range(long from, long to, int max) {
    List<StoredEvent> found = new ArrayList<>();
    TrackingToken start = from <= 1 ? null : tokenAt.apply(from - 1);
    try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(start)) {
      while (found.size() < max && stream.hasNextAvailable(WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
        TrackedEventMessage<?> message = stream.nextAvailable();
        long position = message.trackingToken().position().orElse(-1);
        if (position > to) {
          break;
        }
        if (position >= from) {
          found.add(stored(position, message));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return found;
  }

  @Override
  public long highestPosition() {
    TrackingToken head = store.createHeadToken();
    return head == null ? 0 : Math.max(0, head.position().orElse(0));
  }

  /** Axon Server numbers the events of a context from 0. */
  @Override
  public long firstPosition() {
    return 0;
  }

  @Override
  public OptionalLong lowestPosition() {
    List<StoredEvent> first = range(Long.MIN_VALUE, Long.MAX_VALUE, 1);
    return first.isEmpty() ? OptionalLong.empty() : OptionalLong.of(first.get(0).position());
  }

  private StoredEvent stored(long position, TrackedEventMessage<?> message) {
    SerializedObject<byte[]> payload = message.serializePayload(serializer, byte[].class);
    SerializedObject<byte[]> metadata = message.serializeMetaData(serializer, byte[].class);
    // The JDBC engine stores a non-domain event as its own aggregate, sequence 0, no type.
    String aggregate = message.getIdentifier();
    long sequence = 0;
    String type = null;
    if (message instanceof DomainEventMessage<?> domain) {
      aggregate = domain.getAggregateIdentifier();
      sequence = domain.getSequenceNumber();
      type = domain.getType();
    }
    return new StoredEvent(
        position,
        message.getIdentifier(),
        aggregate,
        sequence,
        type,
        message.getTimestamp().toString(),
        payload.getType().getName(),
        payload.getType().getRevision(),
        payload.getData(),
        metadata.getData());
  }
}
