package jp.emergencyaccess.ledger.console;

import io.swagger.v3.oas.annotations.Hidden;
import java.io.Serializable;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import jp.emergencyaccess.ledger.activation.ActivateRegion;
import jp.emergencyaccess.ledger.activation.EndRegionActivation;
import jp.emergencyaccess.ledger.activation.ExtendRegionActivation;
import jp.emergencyaccess.ledger.activation.RegionNames;
import jp.emergencyaccess.ledger.common.CommandSender;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.NotFound;
import jp.emergencyaccess.ledger.common.Period;
import jp.emergencyaccess.ledger.common.Recorded;
import jp.emergencyaccess.ledger.common.RegionCode;
import jp.emergencyaccess.ledger.common.RuleViolation;
import jp.emergencyaccess.ledger.notice.NoticeIds;
import jp.emergencyaccess.ledger.notice.RegisterNotice;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * MHLW's forms on 活性化の状況 ({@link ConsoleSecurity}): a notice registered, a region activated,
 * extended or ended, each the same command as the API's {@code POST /api/notices} and {@code POST
 * /api/regions/{code}/…}, checked by the same value types and aggregates, timed by the ledger's
 * clock. A refusal is shown on the page with the API's own message and rule, and records nothing;
 * what was typed is handed back to the form.
 */
@Controller
@Hidden
@ConditionalOnProperty(name = "ledger.auth.mode", havingValue = "basic", matchIfMissing = true)
class ActivationFormsConsole {
  /** The shape the API's JSON reader accepts for a date; {@code LocalDate.parse} is laxer. */
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  /** The region form's actions; their words are {@link ActivationWords#action}. */
  enum Action {
    ACTIVATE,
    EXTEND,
    END
  }

  /** What was typed into the notice form, handed back after a refusal. */
  record NoticeForm(String noticeId, String series, String revision, String issuedOn, String title)
      implements Serializable {}

  /** What was typed into the region form, handed back after a refusal. */
  record RegionForm(String regionCode, String action, String from, String until, String noticeId)
      implements Serializable {}

  private final CommandSender commands;
  private final RegionNames names;
  private final Clock clock;
  private final LocalDate earliest;
  private final LocalDate latest;
  private final MessageSource messages;

  /** The API's date window (web.InputDates) read from the same properties. */
  ActivationFormsConsole(
      CommandSender commands,
      RegionNames names,
      Clock clock,
      MessageSource messages,
      @Value("${ledger.input.dates.earliest:2000-01-01}") String earliest,
      @Value("${ledger.input.dates.latest:2100-12-31}") String latest) {
    this.commands = commands;
    this.messages = messages;
    this.names = names;
    this.clock = clock;
    this.earliest = LocalDate.parse(earliest);
    this.latest = LocalDate.parse(latest);
  }

  @PostMapping("/console/activation/notices")
  String registerNotice(
      @RequestParam(required = false) String noticeId,
      @RequestParam(required = false) String series,
      @RequestParam(required = false) String revision,
      @RequestParam(required = false) String issuedOn,
      @RequestParam(required = false) String title,
      @RequestParam(required = false) String shown,
      Locale locale,
      RedirectAttributes flash) {
    ConsoleText text = new ConsoleText(messages, locale);
    NoticeForm typed = new NoticeForm(noticeId, series, revision, issuedOn, title);
    try {
      Recorded recorded =
          send(
              () ->
                  new RegisterNotice(
                      strip(noticeId),
                      strip(series),
                      revision(revision),
                      date("issuedOn", issuedOn),
                      title,
                      null,
                      clock.instant()));
      flash.addFlashAttribute(
          "done",
          text.get(
              recorded.replayed()
                  ? "activation.done.noticeReplayed"
                  : "activation.done.noticeRegistered",
              recorded.id()));
      return back(strip(series), null);
    } catch (RuleViolation | InvalidField | NotFound | Conflict e) {
      flash.addFlashAttribute(
          "problem",
          text.get("activation.problem.notRegistered", new ActivationWords(text).refusal(e)));
      flash.addFlashAttribute("noticeForm", typed);
      return back(shown, null);
    }
  }

  @PostMapping("/console/activation/regions")
  String changeRegion(
      @RequestParam(required = false) String regionCode,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String until,
      @RequestParam(required = false) String noticeId,
      @RequestParam(required = false) String shown,
      Locale locale,
      RedirectAttributes flash) {
    ConsoleText text = new ConsoleText(messages, locale);
    ActivationWords words = new ActivationWords(text);
    RegionForm typed = new RegionForm(regionCode, action, from, until, noticeId);
    String code = strip(regionCode);
    try {
      Action chosen = action(action);
      LocalDate day = chosen == Action.ACTIVATE ? date("from", from) : null;
      LocalDate last = date(chosen == Action.END ? "lastDay" : "until", until);
      send(
          () ->
              switch (chosen) {
                case ACTIVATE -> {
                  RegionCode region = names.require("regionCode", code);
                  Period period = new Period(day, last);
                  yield new ActivateRegion(
                      region.value(), period, notice(noticeId), clock.instant());
                }
                case EXTEND ->
                    new ExtendRegionActivation(
                        RegionCode.parse("regionCode", code).value(),
                        last,
                        notice(noticeId),
                        clock.instant());
                case END ->
                    new EndRegionActivation(
                        RegionCode.parse("regionCode", code).value(),
                        last,
                        notice(noticeId),
                        clock.instant());
              });
      String name = names.nameOf(code).map(n -> text.get("format.paren", n, code)).orElse(code);
      flash.addFlashAttribute(
          "done", text.get("activation.done.region", name, words.action(chosen), noticeId));
      return back(shown, last);
    } catch (RuleViolation | InvalidField | NotFound | Conflict e) {
      flash.addFlashAttribute(
          "problem", text.get("activation.problem.notRecorded", words.refusal(e)));
      flash.addFlashAttribute("regionForm", typed);
      return back(shown, null);
    }
  }

  /**
   * Sends a command built from the form. A region or notice stream that another request created
   * meanwhile is judged once more against the winner, as the aggregate then answers the rule it
   * breaks (an overlap, a taken revision) rather than a bare conflict.
   */
  private <R> R send(Supplier<Object> command) {
    Object built = command.get();
    try {
      return commands.send(built);
    } catch (ConcurrencyException | AggregateStreamCreationException | DuplicateKeyException e) {
      try {
        return commands.send(built);
      } catch (ConcurrencyException
          | AggregateStreamCreationException
          | DuplicateKeyException again) {
        throw new Conflict();
      }
    }
  }

  /** Lost the race twice: the API answers 409 too, with nothing recorded. */
  private static final class Conflict extends RuntimeException {
    Conflict() {
      super("another request changed the same thing at the same time; try again");
    }
  }

  private String back(String series, LocalDate at) {
    UriComponentsBuilder to = UriComponentsBuilder.fromPath("/console/activation");
    String shown = strip(series);
    if (shown != null && !shown.isEmpty()) {
      try {
        to.queryParam("series", NoticeIds.check("series", shown));
      } catch (InvalidField ignored) {
        // A series of the wrong shape is the refusal being shown; the page falls back to its own.
      }
    }
    if (at != null) {
      to.queryParam("at", at);
    }
    return "redirect:" + to.toUriString();
  }

  private static String strip(String value) {
    return value == null ? null : value.strip();
  }

  private static String notice(String noticeId) {
    return NoticeIds.check("noticeId", strip(noticeId));
  }

  private static Action action(String action) {
    try {
      return Action.valueOf(strip(action));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidField("action", "must be ACTIVATE, EXTEND or END");
    }
  }

  private static int revision(String revision) {
    if (revision == null || revision.isBlank()) {
      throw new InvalidField("revision", "is required");
    }
    try {
      return Integer.parseInt(revision.strip());
    } catch (NumberFormatException e) {
      throw new InvalidField("revision", "has the wrong type or format");
    }
  }

  /** As the API reads a date: its shape, then the ledger's window (SPEC §10). */
  private LocalDate date(String field, String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.strip();
    LocalDate date;
    try {
      date = LocalDate.parse(value);
    } catch (DateTimeException e) {
      throw new InvalidField(field, "must be a date such as 2024-02-20");
    }
    if (!DATE.matcher(value).matches()) {
      throw new InvalidField(field, "must be a date such as 2024-02-20");
    }
    if (date.isBefore(earliest) || date.isAfter(latest)) {
      throw new InvalidField(
          field, "must lie between " + earliest + " and " + latest + " (dates in Japan)");
    }
    return date;
  }
}
