package jp.emergencyaccess.ledger.console;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.emergencyaccess.ledger.activation.ActivationChange;
import jp.emergencyaccess.ledger.activation.ActivationQueries;
import jp.emergencyaccess.ledger.activation.ActivePeriod;
import jp.emergencyaccess.ledger.activation.AsOf;
import jp.emergencyaccess.ledger.activation.NoticeSeries;
import jp.emergencyaccess.ledger.activation.NoticeSeriesLoader;
import jp.emergencyaccess.ledger.activation.RegionNames;
import jp.emergencyaccess.ledger.activation.TimeTravel;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.facility.FacilityDirectory;
import jp.emergencyaccess.ledger.facility.FacilitySummary;
import jp.emergencyaccess.ledger.notice.NoticeDirectory;
import jp.emergencyaccess.ledger.notice.NoticeSummary;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 活性化の状況: a series' municipalities and their periods as of one revision (the knowledge axis of
 * docs/time-travel.md) with a date {@code at} marked, what that revision changed, and the
 * facilities activated on their own application. Everything comes from {@link ActivationQueries},
 * {@link TimeTravel} and the directories, as the API's answers do.
 */
@Controller
@Hidden
@ConditionalOnProperty(name = "ledger.auth.mode", havingValue = "basic", matchIfMissing = true)
class ActivationConsole {
  static final String DEFAULT_SERIES = "noto-2024";
  private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
  private static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

  private final ActivationQueries activation;
  private final TimeTravel timeTravel;
  private final NoticeDirectory notices;
  private final RegionNames names;
  private final FacilityDirectory facilities;
  private final Map<String, String> seriesNames;
  private final Clock clock;
  private final MessageSource messages;

  ActivationConsole(
      ActivationQueries activation,
      TimeTravel timeTravel,
      NoticeDirectory notices,
      RegionNames names,
      FacilityDirectory facilities,
      Clock clock,
      MessageSource messages) {
    this.clock = clock;
    this.messages = messages;
    this.activation = activation;
    this.timeTravel = timeTravel;
    this.notices = notices;
    this.names = names;
    this.facilities = facilities;
    NoticeSeries noto = NoticeSeriesLoader.read(NoticeSeriesLoader.NOTO_2024);
    this.seriesNames = Map.of(noto.series(), noto.disaster().replaceFirst(" \\(.*$", ""));
  }

  record Revision(
      String noticeId, String label, LocalDate issuedOn, String title, boolean selected) {}

  record Line(
      String regionCode,
      String name,
      LocalDate from,
      LocalDate until,
      String noticeId,
      String noticeLabel,
      boolean activeAt) {}

  /** A notice series the page can show, in the series select. */
  record SeriesChoice(String id, String label, boolean selected) {}

  record Published(
      String facilityCode, String name, LocalDate from, LocalDate until, String applicationId) {}

  @GetMapping("/console/activation")
  String page(
      @RequestParam(required = false) String series,
      @RequestParam(required = false) String revision,
      @RequestParam(required = false) String at,
      Locale locale,
      Model model,
      HttpServletResponse response) {
    ConsoleText text = new ConsoleText(messages, locale);
    NoticeLabels labels = new NoticeLabels(text);
    String seriesId = series == null || series.isBlank() ? DEFAULT_SERIES : series;
    List<NoticeSummary> ofSeries =
        notices.all().stream()
            .filter(n -> n.series().equals(seriesId))
            .sorted(Comparator.comparingInt(NoticeSummary::revision))
            .toList();
    model.addAttribute("series", seriesId);
    model.addAttribute("seriesName", seriesNames.getOrDefault(seriesId, seriesId));
    model.addAttribute("seriesChoices", seriesChoices(seriesId));
    forms(model, seriesId, ofSeries, text);
    List<String> problems = new ArrayList<>();
    if (ofSeries.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      problems.add(text.get("activation.problem.series", seriesId));
      model.addAttribute("problems", problems);
      model.addAttribute("revisions", List.of());
      model.addAttribute("published", published());
      return "console/activation";
    }
    NoticeSummary selected = ofSeries.get(ofSeries.size() - 1);
    if (revision != null && !revision.isBlank()) {
      selected =
          ofSeries.stream().filter(n -> n.noticeId().equals(revision)).findFirst().orElse(null);
      if (selected == null) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        problems.add(text.get("activation.problem.revision", revision));
        selected = ofSeries.get(ofSeries.size() - 1);
      }
    }
    LocalDate day = selected.issuedOn();
    if (at != null && !at.isBlank()) {
      try {
        LocalDate asked = LocalDate.parse(at.trim());
        if (asked.isBefore(EARLIEST) || asked.isAfter(LATEST)) {
          throw new DateTimeParseException("out of range", at, 0);
        }
        day = asked;
      } catch (DateTimeParseException e) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        problems.add(text.get("activation.problem.at", EARLIEST.toString(), LATEST.toString()));
      }
    }
    NoticeSummary chosen = selected;
    Instant instant = JapanTime.startOf(day);
    Map<String, NoticeSummary> byId = new java.util.HashMap<>();
    ofSeries.forEach(n -> byId.put(n.noticeId(), n));

    List<Line> lines = lines(AsOf.revision(chosen), seriesId, instant, byId, labels);
    List<Gantt.Subject> subjects = new ArrayList<>();
    lines.stream()
        .collect(
            java.util.stream.Collectors.groupingBy(
                Line::regionCode,
                java.util.LinkedHashMap::new,
                java.util.stream.Collectors.toList()))
        .forEach(
            (code, periods) ->
                subjects.add(
                    new Gantt.Subject(
                        code,
                        periods.get(0).name(),
                        periods.stream()
                            .map(
                                l ->
                                    new Gantt.Period(
                                        code,
                                        l.from(),
                                        l.until(),
                                        l.noticeId(),
                                        l.noticeLabel(),
                                        l.activeAt()))
                            .toList())));

    int index = ofSeries.indexOf(chosen);
    model.addAttribute("problems", problems);
    model.addAttribute(
        "revisions",
        ofSeries.stream()
            .map(
                n -> new Revision(n.noticeId(), labels.of(n), n.issuedOn(), n.title(), n == chosen))
            .toList());
    model.addAttribute("selected", chosen);
    model.addAttribute("selectedLabel", labels.of(chosen));
    model.addAttribute("previous", index > 0 ? ofSeries.get(index - 1) : null);
    model.addAttribute("next", index < ofSeries.size() - 1 ? ofSeries.get(index + 1) : null);
    model.addAttribute("at", day);
    model.addAttribute("atGiven", at != null && !at.isBlank() && problems.isEmpty());
    model.addAttribute("lines", lines);
    model.addAttribute("activeCount", lines.stream().filter(Line::activeAt).count());
    model.addAttribute("gantt", Gantt.of(subjects, day));
    var diff = timeTravel.diff(chosen);
    model.addAttribute(
        "previousLabel", diff.previous() == null ? null : labels.of(diff.previous()));
    model.addAttribute("changes", new RevisionWords(text).of(diff, this::name));
    model.addAttribute("published", published());
    return "console/activation";
  }

  /**
   * Every period of the municipalities this series touched, as folded under {@code asOf}: a period
   * counts when one of the changes that shaped it cites a notice of the series. Municipalities are
   * ordered by their last day, latest first, then by code.
   */
  private List<Line> lines(
      AsOf asOf,
      String series,
      Instant at,
      Map<String, NoticeSummary> seriesNotices,
      NoticeLabels labels) {
    List<ActivePeriod> periods =
        activation.periods(asOf.filter()).values().stream()
            .flatMap(List::stream)
            .filter(p -> p.kind() == ActivationChange.Kind.REGION)
            .filter(p -> p.changes().stream().anyMatch(c -> series.equals(c.series())))
            .toList();
    // The municipalities still active longest come first: the ones a reader asks about.
    Map<String, LocalDate> lastDay = new java.util.HashMap<>();
    periods.forEach(p -> lastDay.merge(p.subject(), p.until(), (a, b) -> a.isAfter(b) ? a : b));
    return periods.stream()
        .sorted(
            Comparator.comparing((ActivePeriod p) -> lastDay.get(p.subject()))
                .reversed()
                .thenComparing(ActivePeriod::subject)
                .thenComparing(ActivePeriod::from))
        .map(
            p -> {
              NoticeSummary setBy = seriesNotices.get(p.noticeId());
              return new Line(
                  p.subject(),
                  name(p.subject()),
                  p.from(),
                  p.until(),
                  p.noticeId(),
                  setBy == null ? p.noticeId() : labels.of(setBy),
                  p.covers(at));
            })
        .toList();
  }

  /** Every registered series, the default first, then by id; the shown one selected. */
  private List<SeriesChoice> seriesChoices(String shown) {
    return notices.all().stream()
        .map(NoticeSummary::series)
        .distinct()
        .sorted(
            Comparator.comparing((String id) -> !id.equals(DEFAULT_SERIES))
                .thenComparing(Comparator.naturalOrder()))
        .map(id -> new SeriesChoice(id, seriesNames.getOrDefault(id, id), id.equals(shown)))
        .toList();
  }

  /**
   * What MHLW's forms start from ({@link ActivationFormsConsole}): the page's series, its next
   * revision number, today in Japan, and the series' notices to cite, latest first; after a refusal
   * the flash's typed values take their place in the template.
   */
  private void forms(Model model, String series, List<NoticeSummary> ofSeries, ConsoleText text) {
    boolean mhlw = ConsoleRoles.hasAny(ConsoleSecurity.ACTIVATION_WRITERS);
    model.addAttribute("mhlw", mhlw);
    if (!mhlw) {
      return;
    }
    model.addAttribute(
        "nextRevision", ofSeries.isEmpty() ? 1 : ofSeries.get(ofSeries.size() - 1).revision() + 1);
    model.addAttribute("today", JapanTime.dateOf(clock.instant()));
    NoticeLabels labels = new NoticeLabels(text);
    List<NoticeSummary> latestFirst = new ArrayList<>(ofSeries);
    java.util.Collections.reverse(latestFirst);
    model.addAttribute(
        "citable",
        latestFirst.stream()
            .map(n -> new Revision(n.noticeId(), labels.of(n), n.issuedOn(), n.title(), false))
            .toList());
    model.addAttribute("actions", new ActivationWords(text).actions());
  }

  private List<Published> published() {
    List<Published> rows = new ArrayList<>();
    activation
        .individualPeriods()
        .forEach(
            (code, periods) -> {
              String name = facilities.find(code).map(FacilitySummary::name).orElse("");
              for (ActivePeriod p : periods) {
                rows.add(new Published(code, name, p.from(), p.until(), p.applicationId()));
              }
            });
    return rows;
  }

  private String name(String regionCode) {
    return names.nameOf(regionCode).orElse(regionCode);
  }
}
