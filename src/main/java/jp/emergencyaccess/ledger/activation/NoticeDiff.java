package jp.emergencyaccess.ledger.activation;

import java.util.List;
import jp.emergencyaccess.ledger.notice.NoticeSummary;

/**
 * What one revision changed against the revision before it in its series, from the recorded changes
 * that cite it: regions it activated, extended (old → new last day) and ended (old → new last day),
 * and the facilities switched on individually while it was the latest revision.
 */
public record NoticeDiff(
    NoticeSummary notice,
    NoticeSummary previous,
    List<ActivationChange> activated,
    List<ActivationChange> extended,
    List<ActivationChange> ended,
    List<ActivationChange> facilitiesSwitchedOn) {}
