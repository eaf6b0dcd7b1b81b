package jp.emergencyaccess.ledger.console;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.integrity.Checkpoint;
import jp.emergencyaccess.ledger.integrity.Verification;

/** A whole-chain verification (docs/integrity.md) in the words 監視 shows. */
final class VerificationWords {
  /** Flashed across the redirect after 検証する, so it stays in the session only until shown. */
  record Shown(boolean intact, String headline, List<String> details) implements Serializable {}

  /** A problem by the verifier's name for it; one without words is shown by that name alone. */
  static final String PROBLEM = "verification.problem.";

  private final ConsoleText text;

  VerificationWords(ConsoleText text) {
    this.text = text;
  }

  /**
   * {@code lastCheckpoint} is the latest one signed before the walk began: the walk reaches it (or
   * reports its position as broken), so when the chain is intact that checkpoint was checked.
   */
  Shown of(Verification v, Optional<Checkpoint> lastCheckpoint) {
    List<String> details = new ArrayList<>();
    details.add(
        text.get(
            "verification.checked",
            String.valueOf(v.from()),
            String.valueOf(v.to()),
            String.valueOf(v.checked()),
            String.valueOf(v.gaps())));
    details.add(
        text.get(
            v.signaturesChecked()
                ? "verification.checkpoints.signed"
                : "verification.checkpoints.unsigned",
            String.valueOf(v.checkpointsChecked())));
    if (v.unchained() > 0) {
      details.add(text.get("verification.unchained", String.valueOf(v.unchained())));
    }
    if (v.intact()) {
      lastCheckpoint
          .filter(c -> v.checkpointsChecked() > 0 && c.position() <= v.to())
          .ifPresent(
              c ->
                  details.add(
                      text.get(
                          "verification.lastCheckpoint",
                          String.valueOf(c.position()),
                          String.valueOf(JapanTime.render(c.signedAt())))));
      return new Shown(true, text.get("verification.intact"), details);
    }
    Verification.Broken first = v.firstBroken();
    details.add(
        0,
        text.get(
            "verification.brokenCount",
            String.valueOf(v.broken().size()),
            String.valueOf(Verification.MAX_BROKEN)));
    String problem = text.find(PROBLEM + first.problem());
    return new Shown(
        false,
        text.get(
            "verification.broken",
            String.valueOf(first.position()),
            problem != null ? problem : first.problem(),
            first.problem(),
            first.detail()),
        details);
  }

  /** The store could not be read, so nothing was verified. */
  Shown unreadable() {
    return new Shown(false, text.get("verification.unreadable"), List.of());
  }
}
