package jp.emergencyaccess.ledger.activation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import jp.emergencyaccess.ledger.common.CommandSender;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.common.Period;
import jp.emergencyaccess.ledger.notice.NoticeDirectory;
import jp.emergencyaccess.ledger.notice.RegisterNotice;
import org.springframework.stereotype.Component;

/**
 * Loads a notice series file through the same commands as the HTTP API (RegisterNotice, then
 * ActivateRegion / ExtendRegionActivation / EndRegionActivation per region), so every rule applies
 * and every effect is an ordinary event.
 *
 * <p>Idempotent: a notice already registered is not registered again, and an action already
 * recorded for a region under that notice (same notice, region and kind of change) is not sent
 * again, so loading twice records nothing new and a load that stopped half-way can be resumed.
 *
 * <p>Each command's {@code at} (when it happened in the world) is the notice's issue date at 09:00
 * JST: the files give only the date, and office notices go out during office hours.
 */
@Component
public class NoticeSeriesLoader {
  /** The time of day, in Japan, given to every action of a notice issued on a date. */
  public static final LocalTime ISSUED_AT = LocalTime.of(9, 0);

  /** The 2024 Noto Peninsula Earthquake series shipped with the application. */
  public static final String NOTO_2024 = "/notices/noto-2024-notices.json";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

  private final CommandSender commands;
  private final NoticeDirectory notices;
  private final ActivationLog log;

  NoticeSeriesLoader(CommandSender commands, NoticeDirectory notices, ActivationLog log) {
    this.commands = commands;
    this.notices = notices;
    this.log = log;
  }

  /** What one load did: notices and region commands sent, and those found already recorded. */
  public record Report(
      int noticesRegistered, int noticesSkipped, int actionsSent, int actionsSkipped) {
    public boolean recordedNothing() {
      return noticesRegistered == 0 && actionsSent == 0;
    }
  }

  /** Reads a series file from the class path. */
  public static NoticeSeries read(String classpathLocation) {
    try (InputStream in = NoticeSeriesLoader.class.getResourceAsStream(classpathLocation)) {
      if (in == null) {
        throw new InvalidField("location", "no notice series at " + classpathLocation);
      }
      return JSON.readValue(in, NoticeSeries.class);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read notice series " + classpathLocation, e);
    }
  }

  public static Instant issuedAt(LocalDate issuedOn) {
    return issuedOn.atTime(ISSUED_AT).atZone(JapanTime.ZONE).toInstant();
  }

  public Report load(String classpathLocation) {
    return load(read(classpathLocation));
  }

  /** Loads the notices in revision order, each followed by its actions. */
  public Report load(NoticeSeries file) {
    int registered = 0;
    int skipped = 0;
    int sent = 0;
    int already = 0;
    var ordered =
        file.notices().stream()
            .sorted(java.util.Comparator.comparingInt(NoticeSeries.Entry::revision))
            .toList();
    for (NoticeSeries.Entry notice : ordered) {
      Instant at = issuedAt(notice.issuedOn());
      if (notices.find(notice.noticeId()).isPresent()) {
        skipped++;
      } else {
        commands.send(
            new RegisterNotice(
                notice.noticeId(),
                notice.series() != null ? notice.series() : file.series(),
                notice.revision(),
                notice.issuedOn(),
                notice.officialTitle(),
                notice.confirmed(),
                at));
        registered++;
      }
      for (NoticeSeries.Action action : notice.actions()) {
        for (String region : action.regions()) {
          if (alreadyRecorded(notice.noticeId(), region, action)) {
            already++;
          } else {
            commands.send(command(notice.noticeId(), region, action, at));
            sent++;
          }
        }
      }
    }
    return new Report(registered, skipped, sent, already);
  }

  private boolean alreadyRecorded(String noticeId, String region, NoticeSeries.Action action) {
    ActivationChange.Change change = changeOf(action);
    return log.changesOf(ActivationChange.Kind.REGION, region).stream()
        .anyMatch(c -> noticeId.equals(c.noticeId()) && c.change() == change);
  }

  private static ActivationChange.Change changeOf(NoticeSeries.Action action) {
    return switch (action.action()) {
      case "activate" -> ActivationChange.Change.ACTIVATED;
      case "extend" -> ActivationChange.Change.EXTENDED;
      case "end" -> ActivationChange.Change.ENDED;
      default ->
          throw new InvalidField(
              "action", "must be activate, extend or end, was " + action.action());
    };
  }

  private static Object command(
      String noticeId, String region, NoticeSeries.Action action, Instant at) {
    return switch (changeOf(action)) {
      case ACTIVATED ->
          new ActivateRegion(region, new Period(action.from(), action.until()), noticeId, at);
      case EXTENDED -> new ExtendRegionActivation(region, action.until(), noticeId, at);
      case ENDED -> new EndRegionActivation(region, action.lastDay(), noticeId, at);
    };
  }
}
