package jp.emergencyaccess.ledger.review;

import java.util.UUID;
import java.util.regex.Pattern;
import jp.emergencyaccess.ledger.common.InvalidField;

/** Review ids: {@code rev-} and a random UUID, given out by the ledger. */
public final class ReviewIds {
  private static final Pattern SHAPE =
      Pattern.compile("rev-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private ReviewIds() {}

  public static String next() {
    return "rev-" + UUID.randomUUID();
  }

  public static void check(String field, String reviewId) {
    if (reviewId == null || !SHAPE.matcher(reviewId).matches()) {
      throw new InvalidField(field, "must be a review id such as rev-<uuid>");
    }
  }
}
