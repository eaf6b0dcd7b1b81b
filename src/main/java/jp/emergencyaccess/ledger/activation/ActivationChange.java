package jp.emergencyaccess.ledger.activation;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One recorded change to a period of activation, in the compact form that every activation question
 * (now, as of a revision, as known at an instant) is answered from. {@code from} identifies the
 * period within its subject; {@code until} is its last day after the change.
 *
 * @param seq the order in which the ledger recorded the change
 * @param kind REGION or FACILITY
 * @param subject the region code or facility code
 * @param change ACTIVATED, EXTENDED or ENDED
 * @param previousUntil the last day before the change (null for ACTIVATED)
 * @param noticeId the notice behind a region change (null for facilities)
 * @param noticeIssuedOn that notice's issue date (Japan), for telling a retroactive basis
 * @param applicationId the application behind a facility change (null for regions)
 */
public record ActivationChange(
    long seq,
    Kind kind,
    String subject,
    Change change,
    LocalDate from,
    LocalDate until,
    LocalDate previousUntil,
    String noticeId,
    String series,
    Integer revision,
    LocalDate noticeIssuedOn,
    String applicationId,
    Instant at,
    Instant recordedAt) {

  public enum Kind {
    REGION,
    FACILITY
  }

  public enum Change {
    ACTIVATED,
    EXTENDED,
    ENDED
  }
}
