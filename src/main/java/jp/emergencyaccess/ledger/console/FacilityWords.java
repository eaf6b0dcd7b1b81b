package jp.emergencyaccess.ledger.console;

import jp.emergencyaccess.ledger.facility.FacilityKind;

/**
 * A facility's kind in the page's language: {@link FacilityKind#japanese()} is the kind as
 * officials write it, and the bundles say the same in Japanese.
 */
final class FacilityWords {
  static final String KIND = "facility.kind.";

  private final ConsoleText text;

  FacilityWords(ConsoleText text) {
    this.text = text;
  }

  String kind(FacilityKind kind) {
    return text.get(KIND + kind.name());
  }
}
