package jp.emergencyaccess.ledger.history;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Thresholds of the access flags, under {@code ledger.flags}: REPEATED_PATIENT when a patient was
 * looked up more than {@code repeated-patient.max-attempts} times within {@code
 * repeated-patient.window} at one facility (the window ends at the attempt, inclusive, and starts
 * just after window before it); HIGH_VOLUME for every attempt of a day (in Japan) whose count is
 * more than {@code high-volume.median-factor} × the facility's median daily count (over the days
 * with attempts), or more than {@code high-volume.daily-ceiling}.
 */
@ConfigurationProperties("ledger.flags")
public record FlagThresholds(RepeatedPatient repeatedPatient, HighVolume highVolume) {

  public FlagThresholds {
    repeatedPatient = repeatedPatient == null ? new RepeatedPatient(5, null) : repeatedPatient;
    highVolume = highVolume == null ? new HighVolume(3, 500) : highVolume;
  }

  public record RepeatedPatient(int maxAttempts, Duration window) {
    public RepeatedPatient {
      window = window == null ? Duration.ofHours(24) : window;
      if (maxAttempts < 1 || window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException("ledger.flags.repeated-patient needs positive values");
      }
    }
  }

  public record HighVolume(double medianFactor, long dailyCeiling) {
    public HighVolume {
      if (medianFactor <= 0 || dailyCeiling < 1) {
        throw new IllegalArgumentException("ledger.flags.high-volume needs positive values");
      }
    }
  }
}
