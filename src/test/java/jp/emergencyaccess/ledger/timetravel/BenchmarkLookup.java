package jp.emergencyaccess.ledger.timetravel;

import java.time.Instant;

/**
 * Filler for the as-of benchmark: stands in for the lookups that fill a real store. No handler
 * listens to it, as no activation question may depend on lookups.
 */
public record BenchmarkLookup(
    String facilityCode, String patientRef, String category, Instant at) {}
