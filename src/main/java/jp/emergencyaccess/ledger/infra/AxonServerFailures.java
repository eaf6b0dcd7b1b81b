package jp.emergencyaccess.ledger.infra;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import java.util.Set;
import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.axonserver.connector.command.AxonServerCommandDispatchException;
import org.axonframework.axonserver.connector.command.AxonServerRemoteCommandHandlingException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Reads what Axon Server's connector and Axon Framework's Axon Server connector throw. Exception
 * classes do not survive a trip through Axon Server: a failure comes back as a gRPC status with an
 * {@code AxonIQ-ErrorCode} trailer, as an {@code AxonServerException} carrying that code, or, from
 * a command handled behind Axon Server's command routing, as a {@code CommandExecutionException}
 * whose cause ({@link AxonServerRemoteCommandHandlingException}) only holds the messages of the
 * handler's exception chain. So codes and statuses are read, never class names of the handler.
 */
public final class AxonServerFailures {
  /** The trailer Axon Server puts its error code in (its {@code GrpcMetadataKeys}). */
  static final Metadata.Key<String> ERROR_CODE =
      Metadata.Key.of("AxonIQ-ErrorCode", Metadata.ASCII_STRING_MARSHALLER);

  /**
   * Axon Server's codes of an event the store refused because its aggregate sequence number is
   * taken: INVALID_EVENT_SEQUENCE (the event store) and CONCURRENCY_EXCEPTION (a handler's).
   */
  private static final Set<String> SEQUENCE_TAKEN = Set.of("AXONIQ-2000", "AXONIQ-4004");

  /**
   * Codes of an Axon Server that cannot be reached or cannot take a write now: CONNECTION_FAILED
   * and NO_EVENT_STORE_MASTER_AVAILABLE (a cluster without a leader for the context).
   */
  private static final Set<String> UNAVAILABLE = Set.of("AXONIQ-3001", "AXONIQ-2100");

  private AxonServerFailures() {}

  /**
   * Whether {@code failure} or one of its causes says Axon Server cannot be reached or cannot take
   * a write now (the connection is down or refused, no leader): the request may be sent again.
   */
  public static boolean unavailable(Throwable failure) {
    for (Throwable t = failure, seen = null; t != null && t != seen; seen = t, t = t.getCause()) {
      if (unavailableLink(t)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code t} itself (not its causes) says Axon Server is unavailable. */
  static boolean unavailableLink(Throwable t) {
    Status status = statusOf(t);
    return status != null && status.getCode() == Status.Code.UNAVAILABLE || hasCode(t, UNAVAILABLE);
  }

  /**
   * Whether {@code failure} says the store refused an event because its aggregate already has an
   * event at that sequence number: another request created the same aggregate first. Seen in this
   * JVM (a local command bus, or the handler's side of Axon Server's routing) as a {@link
   * ConcurrencyException} or {@link AggregateStreamCreationException} (JDBC), or a gRPC status with
   * code AXONIQ-2000; on the dispatching side as an Axon Server exception with that code.
   */
  public static boolean sequenceTaken(Throwable failure) {
    for (Throwable t = failure, seen = null; t != null && t != seen; seen = t, t = t.getCause()) {
      if (t instanceof ConcurrencyException
          || t instanceof AggregateStreamCreationException
          || hasCode(t, SEQUENCE_TAKEN)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasCode(Throwable t, Set<String> codes) {
    String code = errorCodeOf(t);
    return code != null && codes.contains(code);
  }

  private static Status statusOf(Throwable t) {
    if (t instanceof StatusRuntimeException s) {
      return s.getStatus();
    }
    if (t instanceof StatusException s) {
      return s.getStatus();
    }
    return null;
  }

  /** The Axon Server error code {@code t} carries, or null. */
  private static String errorCodeOf(Throwable t) {
    if (t instanceof AxonServerException e) {
      return e.code();
    }
    if (t instanceof AxonServerRemoteCommandHandlingException e) {
      return e.getErrorCode();
    }
    if (t instanceof AxonServerCommandDispatchException e) {
      return e.getErrorCode();
    }
    if (t instanceof io.axoniq.axonserver.connector.AxonServerException e) {
      return e.getErrorCategory() == null ? null : e.getErrorCategory().errorCode();
    }
    Metadata trailers = null;
    if (t instanceof StatusRuntimeException s) {
      trailers = s.getTrailers();
    } else if (t instanceof StatusException s) {
      trailers = s.getTrailers();
    }
    return trailers == null ? null : trailers.get(ERROR_CODE);
  }
}
