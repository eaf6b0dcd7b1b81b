package jp.emergencyaccess.ledger.investigation;

import java.time.Instant;
import java.util.Optional;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.common.RuleViolation;

/**
 * The rules of a facility's service measures (Art. 25–26), judged against the facility's latest
 * measure: a stop is final, a suspension cannot be repeated, only a suspension can be resumed, and
 * each measure is later than the one before, so the status at any instant is unambiguous.
 */
final class ServiceRules {
  private ServiceRules() {}

  static void suspend(String facilityCode, Optional<ServiceMeasure> latest, Instant at) {
    requireLater(facilityCode, latest, at);
    if (is(latest, ServiceChange.STOPPED)) {
      throw stopIsFinal(facilityCode, latest.get());
    }
    if (is(latest, ServiceChange.SUSPENDED)) {
      throw new RuleViolation(
          "ALREADY_SUSPENDED",
          "facility "
              + facilityCode
              + " is already suspended since "
              + JapanTime.render(latest.get().at()));
    }
  }

  static void stop(String facilityCode, Optional<ServiceMeasure> latest, Instant at) {
    requireLater(facilityCode, latest, at);
    if (is(latest, ServiceChange.STOPPED)) {
      throw new RuleViolation(
          "ALREADY_STOPPED",
          "facility " + facilityCode + " is already stopped since " + render(latest.get()));
    }
  }

  static void resume(String facilityCode, Optional<ServiceMeasure> latest, Instant at) {
    requireLater(facilityCode, latest, at);
    if (is(latest, ServiceChange.STOPPED)) {
      throw stopIsFinal(facilityCode, latest.get());
    }
    if (!is(latest, ServiceChange.SUSPENDED)) {
      throw new RuleViolation(
          "NOT_SUSPENDED", "facility " + facilityCode + " is not suspended, so cannot be resumed");
    }
  }

  private static boolean is(Optional<ServiceMeasure> latest, ServiceChange change) {
    return latest.isPresent() && latest.get().change() == change;
  }

  private static void requireLater(
      String facilityCode, Optional<ServiceMeasure> latest, Instant at) {
    if (latest.isPresent() && !latest.get().at().isBefore(at)) {
      throw new RuleViolation(
          "MEASURE_NOT_AFTER_LATEST",
          "facility "
              + facilityCode
              + " was already "
              + latest.get().change()
              + " at "
              + render(latest.get())
              + "; a new measure must be later");
    }
  }

  private static RuleViolation stopIsFinal(String facilityCode, ServiceMeasure stop) {
    return new RuleViolation(
        "STOP_IS_FINAL",
        "facility " + facilityCode + " was stopped at " + render(stop) + "; a stop is final");
  }

  private static String render(ServiceMeasure measure) {
    return JapanTime.render(measure.at()).toString();
  }
}
