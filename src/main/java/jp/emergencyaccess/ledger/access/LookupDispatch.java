package jp.emergencyaccess.ledger.access;

/**
 * How a lookup's command reaches its aggregate and comes back decided (a port: {@link ViewRequests}
 * holds the idempotency around it, the implementations only carry the command). Chosen by {@code
 * ledger.lookups.dispatch}:
 *
 * <ul>
 *   <li>{@code group-commit} (the default; the embedded and {@code postgres} modes): {@link
 *       GroupedLookups}, lookups that arrive together share one JDBC transaction;
 *   <li>{@code direct} (the {@code axonserver} mode): {@link DirectLookups}, each lookup its own
 *       command through the gateway. Behind Axon Server a command is handled in its own unit of
 *       work on whichever node Axon Server routes it to, and its events are appended in that unit
 *       of work's own append transaction: there is no transaction a group could share, and a group
 *       would only send its commands one after the other.
 * </ul>
 *
 * <p>An implementation throws what the command met: a refusal as itself, any other failure as the
 * command bus gave it.
 */
public interface LookupDispatch {
  ViewOutcome send(ViewMedicalInfo command);
}
