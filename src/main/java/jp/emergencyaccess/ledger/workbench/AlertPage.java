package jp.emergencyaccess.ledger.workbench;

import java.util.List;

/** One page of the queue and the cursor of the next (null on the last page). */
public record AlertPage(List<AlertItem> items, String next) {}
