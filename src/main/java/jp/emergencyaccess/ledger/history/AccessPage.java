package jp.emergencyaccess.ledger.history;

import java.util.List;

/** One page of attempts, newest first, and the cursor of the next page (null on the last). */
public record AccessPage(List<AccessAttempt> items, String next) {}
