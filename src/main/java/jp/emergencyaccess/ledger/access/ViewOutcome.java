package jp.emergencyaccess.ledger.access;

import jp.emergencyaccess.ledger.common.Replayable;

/**
 * The recorded decision on one lookup, as the command answers it, with the request id it was
 * decided under. {@code replayed} is true when the request id had already been decided and nothing
 * new was recorded.
 */
public record ViewOutcome(Lookup lookup, String requestId, boolean replayed) implements Replayable {

  static ViewOutcome of(LookupEvent e) {
    return new ViewOutcome(Lookup.of(e), e.requestId(), false);
  }

  ViewOutcome asReplay() {
    return new ViewOutcome(lookup, requestId, true);
  }

  public boolean allowed() {
    return lookup.allowed();
  }
}
