package jp.emergencyaccess.ledger.access;

import jp.emergencyaccess.ledger.infra.GroupCommit;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Lookups that arrive together are decided together ({@link GroupCommit}): each is its own command
 * on its own aggregate, but their events are appended and committed in one transaction. A lookup's
 * lane is chosen by its view id.
 */
@Component
@ConditionalOnProperty(
    name = "ledger.lookups.dispatch",
    havingValue = "group-commit",
    matchIfMissing = true)
class GroupedLookups implements LookupDispatch {
  private final GroupCommit groups;

  GroupedLookups(GroupCommit groups) {
    this.groups = groups;
  }

  @Override
  public ViewOutcome send(ViewMedicalInfo command) {
    return groups.send(command.viewId(), command);
  }
}
