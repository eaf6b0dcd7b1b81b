package jp.emergencyaccess.ledger.history;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Parameter lists for {@code in (...)} and {@code union all} reads, in few statement shapes. */
final class InLists {
  /** Ids or keys per statement. */
  static final int CHUNK = 64;

  private InLists() {}

  /** {@code select} repeated {@code times}, joined by {@code union all}: one point read each. */
  static String unionAll(String select, int times) {
    return String.join(" union all ", Collections.nCopies(times, select));
  }

  /** The list padded with its first element to a power of two, so few statement texts exist. */
  static <T> List<T> padded(List<T> list) {
    List<T> padded = new ArrayList<>(list);
    while (Integer.bitCount(padded.size()) != 1) {
      padded.add(list.get(0));
    }
    return padded;
  }
}
