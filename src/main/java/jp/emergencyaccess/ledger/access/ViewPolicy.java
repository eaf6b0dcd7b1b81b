package jp.emergencyaccess.ledger.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import jp.emergencyaccess.ledger.consent.ConsentSummary;

/**
 * The access rule of SPEC §5 as a pure function: a lookup at {@code at} is allowed only if the
 * facility is registered (and was by {@code at}: a facility registered at T is unknown to a lookup
 * before T), not suspended or stopped, covered by an activation, and the cited consent existed at
 * {@code at} (recorded at or before it), belongs to the same facility and patient, and was not
 * withdrawn before {@code at}. Every rule is judged on its own, so a denial names every reason that
 * applies. A withdrawal at exactly {@code at} still allows the lookup ("not withdrawn before"); a
 * consent recorded after {@code at} did not exist yet, so it is CONSENT_MISSING.
 */
public final class ViewPolicy {
  private ViewPolicy() {}

  /** The reasons to deny; empty means allowed. */
  public static List<DenialReason> denialReasons(
      String facilityCode, String patientRef, Instant at, ViewFacts facts) {
    List<DenialReason> reasons = new ArrayList<>();
    if (!facts.facilityRegistered()
        || (facts.facilityRegisteredAt() != null && facts.facilityRegisteredAt().isAfter(at))) {
      reasons.add(DenialReason.FACILITY_UNKNOWN);
    }
    if (facts.serviceSuspended()) {
      reasons.add(DenialReason.FACILITY_SUSPENDED);
    }
    if (facts.coveredBy() == null) {
      reasons.add(DenialReason.NOT_ACTIVATED);
    }
    ConsentSummary consent = facts.consent();
    if (consent == null || consent.at().isAfter(at)) {
      reasons.add(DenialReason.CONSENT_MISSING);
      return List.copyOf(reasons);
    }
    if (!consent.facilityCode().equals(facilityCode) || !consent.patientRef().equals(patientRef)) {
      reasons.add(DenialReason.CONSENT_MISMATCH);
    }
    if (consent.withdrawnAt() != null && consent.withdrawnAt().isBefore(at)) {
      reasons.add(DenialReason.CONSENT_WITHDRAWN);
    }
    return List.copyOf(reasons);
  }

  /**
   * The reasons a recorded decision gets under another activation state (a notice revision, or what
   * was known at an instant). Only the activation depends on the notices: every other reason is a
   * fact of the lookup itself (the facility's registration, its service status and the consent at
   * the lookup's instant) and stands. The order is the one {@link #denialReasons} gives, the order
   * {@link DenialReason} declares.
   *
   * @param original the reasons the recorded decision gave (empty when it was allowed)
   * @param coveredBy the activation that covers the facility under the other state, or null
   */
  public static List<DenialReason> withActivation(
      Collection<DenialReason> original, CoveredBy coveredBy) {
    EnumSet<DenialReason> reasons = EnumSet.noneOf(DenialReason.class);
    reasons.addAll(original);
    reasons.remove(DenialReason.NOT_ACTIVATED);
    if (coveredBy == null) {
      reasons.add(DenialReason.NOT_ACTIVATED);
    }
    return List.copyOf(reasons);
  }
}
