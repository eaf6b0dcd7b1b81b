package jp.emergencyaccess.ledger.investigation;

import java.util.List;

/** One page of attempts, newest first, and the cursor of the next page (null on the last). */
public record AccessPage(List<AccessAttempt> items, String next) {}
