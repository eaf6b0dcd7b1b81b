package jp.emergencyaccess.ledger.console;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.integrity.Checkpoint;
import jp.emergencyaccess.ledger.integrity.Verification;

/** A whole-chain verification (docs/integrity.md) in the words 監視 shows. */
final class VerificationWords {
  /** Flashed across the redirect after 検証する, so it stays in the session only until shown. */
  record Shown(boolean intact, String headline, List<String> details) implements Serializable {}

  private static final Map<String, String> PROBLEMS =
      Map.of(
          "changed", "イベントの内容または種類が、連鎖に記録されたものと違います",
          "deleted", "連鎖に記録されたイベントがありません（削除）",
          "inserted", "連鎖が欠番とした位置、または連鎖にない位置にイベントがあります（挿入）",
          "reordered", "別の位置で連鎖に記録されたイベントです（並べ替え）",
          "chain-altered", "連鎖の表そのものが書き換えられています",
          "checkpoint-mismatch", "署名付きチェックポイントと連鎖が一致しません",
          "checkpoint-forged", "チェックポイントの署名が鍵で検証できません");

  private VerificationWords() {}

  /**
   * {@code lastCheckpoint} is the latest one signed before the walk began: the walk reaches it (or
   * reports its position as broken), so when the chain is intact that checkpoint was checked.
   */
  static Shown of(Verification v, Optional<Checkpoint> lastCheckpoint) {
    List<String> details = new ArrayList<>();
    details.add(
        "位置 "
            + v.from()
            + " から "
            + v.to()
            + " までの "
            + v.checked()
            + " 件のイベントを確かめました（うち記録された欠番 "
            + v.gaps()
            + " 件）。");
    details.add(
        "署名付きチェックポイント "
            + v.checkpointsChecked()
            + " 件を照合しました"
            + (v.signaturesChecked() ? "（署名も検証しました）。" : "（公開鍵がないため署名は検証していません）。"));
    if (v.unchained() > 0) {
      details.add("まだ連鎖に入っていないイベントが " + v.unchained() + " 件あり、今回の検証の対象外です。");
    }
    if (v.intact()) {
      lastCheckpoint
          .filter(c -> v.checkpointsChecked() > 0 && c.position() <= v.to())
          .ifPresent(
              c ->
                  details.add(
                      "最後に確かめたチェックポイント: 位置 "
                          + c.position()
                          + "（署名 "
                          + JapanTime.render(c.signedAt())
                          + "）。"));
      return new Shown(true, "改ざんは見つかりませんでした。", details);
    }
    Verification.Broken first = v.firstBroken();
    details.add(
        0, "壊れている位置は " + v.broken().size() + " か所です（最大 " + Verification.MAX_BROKEN + " か所まで）。");
    return new Shown(
        false,
        "改ざんが見つかりました: 最初は位置 "
            + first.position()
            + "、"
            + PROBLEMS.getOrDefault(first.problem(), first.problem())
            + "（"
            + first.problem()
            + ": "
            + first.detail()
            + "）。",
        details);
  }
}
