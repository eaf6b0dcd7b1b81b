package jp.emergencyaccess.ledger.activation;

import java.util.Comparator;
import java.util.List;

/**
 * An activation log over a list of rows instead of the table, for the rules' unit tests: each
 * question selects what the table's statement would.
 */
public class RowsActivationLog extends ActivationLog {
  private final List<ActivationChange> rows;

  public RowsActivationLog(List<ActivationChange> rows) {
    super(null, null);
    this.rows = rows;
  }

  @Override
  public List<ActivationChange> all() {
    return rows.stream().sorted(Comparator.comparingLong(ActivationChange::seq)).toList();
  }

  @Override
  public List<ActivationChange> of(ActivationChange.Kind kind, String subject) {
    return all().stream().filter(c -> c.kind() == kind && c.subject().equals(subject)).toList();
  }

  @Override
  public List<ActivationChange> changesCiting(String noticeId) {
    return all().stream().filter(c -> noticeId.equals(c.noticeId())).toList();
  }

  @Override
  ActivationSnapshot coverageOf(String municipality, String prefecture, String facilityCode) {
    return ActivationSnapshot.of(
        all().stream()
            .filter(
                c ->
                    c.kind() == ActivationChange.Kind.REGION
                        ? c.subject().equals(municipality) || c.subject().equals(prefecture)
                        : c.subject().equals(facilityCode))
            .toList());
  }
}
