package jp.emergencyaccess.ledger.infra;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.command.CommandSerializer;
import org.axonframework.commandhandling.CommandResultMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Failures as Axon Server and its connectors make them, for tests of their translation (no Axon
 * Server runs in CI). Each is built by the code that builds it in production where that code is a
 * library here (Axon Framework's {@link CommandSerializer}); what Axon Server itself sends is built
 * as its {@code GrpcExceptionBuilder} builds it (axon-server-se 2023.2.1), since the gRPC client
 * receives exactly that status, description and trailers.
 */
public final class AxonServerReplies {
  private AxonServerReplies() {}

  /**
   * What the event store's append (the unit of work's commit on the handling node) fails with when
   * Axon Server refuses an event whose aggregate sequence number is taken: Axon Server's
   * INVALID_SEQUENCE (AXONIQ-2000, gRPC OUT_OF_RANGE), with the message of its SequenceNumberCache
   * as a real Axon Server SE 2023.2.1 sent it (its description starts with the code).
   */
  public static StatusRuntimeException sequenceRefused(String aggregateId) {
    return axonServerError(
        Status.OUT_OF_RANGE,
        "AXONIQ-2000",
        String.format(
            "[AXONIQ-2000] Invalid sequence number %d for aggregate %s, expected %d",
            0, aggregateId, 1));
  }

  /** The status Axon Server sends for one of its error codes (its GrpcExceptionBuilder.build). */
  public static StatusRuntimeException axonServerError(Status status, String code, String text) {
    Metadata trailers = new Metadata();
    trailers.put(AxonServerFailures.ERROR_CODE, code);
    return status.withDescription(text).asRuntimeException(trailers);
  }

  /**
   * What the dispatching node's gateway gets for a command whose handler failed with {@code
   * failure} behind Axon Server's command routing: the handling node serialises its command result
   * into a CommandResponse, the dispatching node deserialises that; both with the ledger's own
   * serializer, as the axonserver profile does.
   */
  public static Throwable dispatched(Throwable failure) {
    CommandSerializer serializer =
        new CommandSerializer(
            JacksonSerializer.builder().objectMapper(AxonConfig.storedFormat()).build(),
            AxonServerConfiguration.builder().componentName("ledger").clientId("ledger-b").build());
    CommandResultMessage<Object> handled =
        GenericCommandResultMessage.asCommandResultMessage(failure);
    CommandResultMessage<Object> received =
        serializer.deserialize(serializer.serialize(handled, "request-1"));
    return received.exceptionResult();
  }
}
