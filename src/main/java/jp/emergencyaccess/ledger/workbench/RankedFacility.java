package jp.emergencyaccess.ledger.workbench;

import java.util.List;
import jp.emergencyaccess.ledger.facility.FacilityKind;

/**
 * One facility of the ranking: its counts in the period, its shares, and the median of each measure
 * over its peers (the other facilities of its kind in the prefecture with a lookup in the period;
 * null when it has none), with the reason in words.
 */
public record RankedFacility(
    int rank,
    String facilityCode,
    String name,
    FacilityKind kind,
    long lookups,
    long flagged,
    long exemptions,
    long denied,
    long repeated,
    double exemptionShare,
    double denialShare,
    int peers,
    Double peersFlagged,
    Double peersExemptionShare,
    Double peersDenialShare,
    List<String> reasons) {}
