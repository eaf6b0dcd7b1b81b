package jp.emergencyaccess.ledger.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.axoniq.axonserver.grpc.ErrorMessage;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import jp.emergencyaccess.ledger.common.Refusal;
import jp.emergencyaccess.ledger.common.RuleViolation;
import org.axonframework.axonserver.connector.ErrorCode;
import org.axonframework.axonserver.connector.command.AxonServerCommandDispatchException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

/**
 * The translation of Axon Server's failures, fed with the exceptions its connectors really throw
 * ({@link AxonServerReplies}: built by Axon Framework's own code where it is a library here).
 */
class AxonServerFailuresTest {

  @Test
  void aTakenSequenceNumber_seenByTheHandlingNode_isASequenceTaken_notAnOutage() {
    StatusRuntimeException refused = AxonServerReplies.sequenceRefused("view-1");

    assertThat(AxonServerFailures.sequenceTaken(refused)).isTrue();
    assertThat(StoreFailures.unavailable(refused)).isFalse();
    // The same code as the framework maps it where it reads event store errors itself.
    var converted = ErrorCode.getFromCode("AXONIQ-2000").convert(error("AXONIQ-2000"));
    assertThat(converted).isInstanceOf(ConcurrencyException.class);
    assertThat(AxonServerFailures.sequenceTaken(converted)).isTrue();
    assertThat(
            AxonServerFailures.sequenceTaken(
                ErrorCode.CONCURRENCY_EXCEPTION.convert(error("AXONIQ-4004"))))
        .isTrue();
  }

  @Test
  void aTakenSequenceNumber_seenByTheDispatchingNode_carriesOnlyTheHandlersMessages() {
    Throwable dispatched =
        AxonServerReplies.dispatched(AxonServerReplies.sequenceRefused("view-1"));

    // Axon Framework sends a failed command back as COMMAND_EXECUTION_ERROR (AXONIQ-4002) with the
    // messages of the handler's exception chain: the store's own code does not arrive. This is why
    // ViewRequests asks the store again instead of reading the exception.
    assertThat(dispatched).isInstanceOf(CommandExecutionException.class);
    assertThat(((CommandExecutionException) dispatched).getDetails()).isEmpty();
    assertThat(dispatched.getMessage()).contains("Invalid sequence number 0 for aggregate view-1");
    assertThat(AxonServerFailures.sequenceTaken(dispatched)).isFalse();
    assertThat(StoreFailures.unavailable(dispatched)).isFalse();
    assertThat(RefusalTranslation.unwrap((CommandExecutionException) dispatched))
        .isSameAs(dispatched);
  }

  @Test
  void aRefusal_crossesAxonServer_andComesBackAsItself() {
    RuleViolation broken = new RuleViolation("REQUEST_ID_REUSED", "requestId r of facility f");
    Refusal refusal = Refusal.of(broken);
    // What RefusalTranslation throws on the handling node.
    var handled = new CommandExecutionException(refusal.message(), null, refusal);

    Throwable dispatched = AxonServerReplies.dispatched(handled);

    assertThat(dispatched).isInstanceOf(CommandExecutionException.class);
    RuntimeException unwrapped = RefusalTranslation.unwrap((CommandExecutionException) dispatched);
    assertThat(unwrapped).isInstanceOf(RuleViolation.class).hasMessage(broken.getMessage());
    assertThat(((RuleViolation) unwrapped).rule()).isEqualTo("REQUEST_ID_REUSED");
  }

  @Test
  void anUnreachableAxonServer_isAnOutage_inEveryShapeTheConnectorsGiveIt() {
    // The connector's managed channel closes every call with UNAVAILABLE while it has no
    // connection; the event store wraps the failed future, the command bus's future a completion.
    StatusRuntimeException down = Status.UNAVAILABLE.asRuntimeException();
    assertThat(StoreFailures.unavailable(down)).isTrue();
    assertThat(
            StoreFailures.unavailable(
                new EventStoreException(down.getMessage(), new ExecutionException(down))))
        .isTrue();
    assertThat(StoreFailures.unavailable(new CompletionException(down))).isTrue();
    assertThat(
            StoreFailures.unavailable(
                new AxonServerCommandDispatchException(
                    ErrorCode.COMMAND_DISPATCH_ERROR.errorCode(),
                    "Exception while dispatching a command to AxonServer",
                    down)))
        .isTrue();
    assertThat(StoreFailures.unavailable(ErrorCode.CONNECTION_FAILED.convert(error("AXONIQ-3001"))))
        .isTrue();
    assertThat(
            StoreFailures.unavailable(
                ErrorCode.NO_EVENT_STORE_MASTER_AVAILABLE.convert(error("AXONIQ-2100"))))
        .isTrue();
    assertThat(
            StoreFailures.unavailable(
                new io.axoniq.axonserver.connector.AxonServerException(
                    io.axoniq.axonserver.connector.ErrorCategory.CONNECTION_FAILED,
                    "connection lost",
                    "ledger-a")))
        .isTrue();
  }

  @Test
  void otherFailuresOfAxonServer_areNeitherAnOutageNorATakenSequence() {
    var other = ErrorCode.OTHER.convert(error("AXONIQ-0001"));
    var tooLarge = ErrorCode.EVENT_PAYLOAD_TOO_LARGE.convert(error("AXONIQ-2001"));
    var badRequest =
        AxonServerReplies.axonServerError(Status.INVALID_ARGUMENT, "AXONIQ-9200", "invalid");
    for (Throwable failure : new Throwable[] {other, tooLarge, badRequest}) {
      assertThat(StoreFailures.unavailable(failure)).as(failure.toString()).isFalse();
      assertThat(AxonServerFailures.sequenceTaken(failure)).as(failure.toString()).isFalse();
    }
  }

  private static ErrorMessage error(String code) {
    return ErrorMessage.newBuilder()
        .setMessage("failed: " + code)
        .setLocation("axonserver-1")
        .addDetails("failed: " + code)
        .build();
  }
}
