package jp.emergencyaccess.ledger.common;

/**
 * What a command answers when it may be a retry of one already recorded: {@code replayed} is true
 * when its key had already recorded the same request and nothing new was recorded.
 */
public interface Replayable {
  boolean replayed();
}
