package jp.emergencyaccess.ledger.integrity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a verification found over positions {@code from..to}: {@code checked} events and {@code
 * gaps} recorded gaps recomputed from the stored events, the chain's {@code head} at {@code to},
 * signed checkpoints checked, and every broken position (at most {@link #MAX_BROKEN}); {@code
 * unchained} counts the stored events up to the requested end that the chain has not reached yet,
 * so nothing vouches for them. {@code intact}: nothing checked is broken; {@code ok}: intact and
 * nothing unchained, every event up to the end is verified.
 */
public record Verification(
    boolean ok,
    boolean intact,
    long from,
    long to,
    long checked,
    long gaps,
    Head head,
    @JsonInclude(JsonInclude.Include.NON_NULL) Broken firstBroken,
    List<Broken> broken,
    int checkpointsChecked,
    boolean signaturesChecked,
    long unchained) {

  public static final int MAX_BROKEN = 100;

  public record Head(long position, String hash) {}

  /**
   * A position where the store no longer matches the chain. {@code problem} is one of {@code
   * changed} (the event's content or type differs), {@code deleted} (a chained event is gone),
   * {@code inserted} (an event where the chain recorded a permanent gap or has no entry), {@code
   * reordered} (the event or its payload is the one chained at another position), {@code
   * chain-altered} (the chain table itself was edited), {@code checkpoint-mismatch} (the chain
   * disagrees with a signed checkpoint), {@code checkpoint-forged} (a checkpoint's signature
   * fails).
   */
  public record Broken(long position, String problem, String detail) {}
}
