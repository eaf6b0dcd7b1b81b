package jp.emergencyaccess.ledger.common;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The rule of idempotency keys (a {@code requestId} or {@code clientId}): one key names one
 * request. Sent again with the same facts, it is answered from what was recorded and records
 * nothing; with other facts it is refused as {@value #RULE} (409) and records nothing, so a retry
 * can never hide a different act from the audit log.
 *
 * <p>The facts compared are those the recorded event keeps. An instant the retry did not state (it
 * defaulted to the ledger's "now") matches the recorded one: a client that lets the ledger stamp
 * its request can retry it later. The refusal names the fields that differ, never their values, so
 * it carries no patient data into answers or logs.
 */
public final class SameRequest {
  public static final String RULE = "REQUEST_ID_REUSED";

  private final String key;
  private final String recorded;
  private final List<String> differing = new ArrayList<>();

  private SameRequest(String key, String recorded) {
    this.key = key;
    this.recorded = recorded;
  }

  /**
   * Starts comparing a retry with what its key recorded.
   *
   * @param key how the key is named in the refusal, e.g. "requestId r-1 of facility 1710112341"
   * @param recorded what the key recorded, e.g. "view 5b0c…"
   */
  public static SameRequest of(String key, String recorded) {
    return new SameRequest(key, recorded);
  }

  public SameRequest field(String name, Object recorded, Object again) {
    if (!Objects.equals(recorded, again)) {
      differing.add(name);
    }
    return this;
  }

  /** An instant: compared only when the retry stated one. */
  public SameRequest instant(String name, Instant recorded, Instant again, boolean stated) {
    return stated ? field(name, recorded, again) : this;
  }

  /** Whether the retry states the same facts. */
  public boolean same() {
    return differing.isEmpty();
  }

  /** The fields in which the retry differs, in the order compared. */
  public List<String> differing() {
    return List.copyOf(differing);
  }

  /** Refuses the retry when any fact differs; otherwise returns normally. */
  public void orRefuse() {
    if (!differing.isEmpty()) {
      throw new RuleViolation(
          RULE,
          key
              + " already recorded "
              + recorded
              + " with other "
              + String.join(", ", differing)
              + "; nothing was recorded");
    }
  }
}
