package jp.emergencyaccess.ledger.common;

/**
 * What a creating command answers: the id of what it recorded, or of what its key had already
 * recorded when it was a retry of the same request ({@code replayed}: nothing new was recorded).
 */
public record Recorded(String id, boolean replayed) implements Replayable {
  public static Recorded created(String id) {
    return new Recorded(id, false);
  }

  public static Recorded replayed(String id) {
    return new Recorded(id, true);
  }
}
