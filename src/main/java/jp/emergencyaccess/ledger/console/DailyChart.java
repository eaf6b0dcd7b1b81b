package jp.emergencyaccess.ledger.console;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import jp.emergencyaccess.ledger.history.DayCount;

/**
 * The geometry of a facility's daily lookups chart, computed on the server so the SVG needs no
 * script: one column per Japan day from the first shown to the last, allowed stacked under denied,
 * the emergency-exemption lookups as a narrow bar inside the column, and the days an activation
 * covered the facility shaded behind. Days without lookups have no column; the table under the
 * chart repeats every number.
 */
record DailyChart(
    int width,
    int left,
    int height,
    int plotTop,
    int plotBottom,
    int max,
    List<Column> columns,
    List<Shade> shades,
    List<Tick> ticks) {

  static final int WIDTH = 960;
  static final int LEFT = 40;
  static final int TOP = 10;
  static final int PLOT_HEIGHT = 200;
  static final int AXIS_HEIGHT = 24;

  /** A longer span is cut to its last days: a column narrower than a pixel shows nothing. */
  static final int MAX_DAYS = 400;

  record Column(
      LocalDate day,
      long allowed,
      long denied,
      long exemption,
      int x,
      int width,
      int allowedY,
      int allowedHeight,
      int deniedY,
      int deniedHeight,
      int exemptionY,
      int exemptionHeight) {}

  record Shade(int x, int width) {}

  record Tick(int x, String label) {}

  /** A period in which an activation covered the facility, both days included. */
  record Covered(LocalDate from, LocalDate until) {}

  static DailyChart of(
      List<DayCount> days, List<Covered> covered, LocalDate first, LocalDate last) {
    if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
      first = last.minusDays(MAX_DAYS - 1);
    }
    LocalDate origin = first;
    LocalDate end = last.plusDays(1);
    long span = Math.max(1, ChronoUnit.DAYS.between(first, end));
    double perDay = (double) (WIDTH - LEFT - 10) / span;
    Function<LocalDate, Integer> xOf =
        d -> LEFT + (int) Math.round(ChronoUnit.DAYS.between(origin, d) * perDay);
    int bottom = TOP + PLOT_HEIGHT;
    Map<LocalDate, DayCount> byDay =
        days.stream().collect(Collectors.toMap(DayCount::day, d -> d, (a, b) -> a));
    long max =
        Math.max(
            1,
            days.stream()
                .filter(d -> !d.day().isBefore(origin) && d.day().isBefore(end))
                .mapToLong(DayCount::attempts)
                .max()
                .orElse(1));
    Function<Long, Integer> heightOf = n -> (int) Math.round((double) n * PLOT_HEIGHT / max);

    List<Column> columns = new ArrayList<>();
    for (LocalDate d = first; d.isBefore(end); d = d.plusDays(1)) {
      DayCount count = byDay.get(d);
      if (count == null || count.attempts() == 0) {
        continue;
      }
      int x = xOf.apply(d);
      int w = Math.max(1, xOf.apply(d.plusDays(1)) - x - 1);
      int allowedHeight = heightOf.apply(count.allowed());
      int deniedHeight = heightOf.apply(count.attempts()) - allowedHeight;
      int exemptionHeight = heightOf.apply(count.exemption());
      columns.add(
          new Column(
              d,
              count.allowed(),
              count.denied(),
              count.exemption(),
              x,
              w,
              bottom - allowedHeight,
              allowedHeight,
              bottom - allowedHeight - deniedHeight,
              deniedHeight,
              bottom - exemptionHeight,
              exemptionHeight));
    }
    List<Shade> shades = new ArrayList<>();
    for (Covered c : covered) {
      LocalDate from = c.from().isBefore(first) ? first : c.from();
      LocalDate until = c.until().isAfter(last) ? last : c.until();
      if (until.isBefore(from)) {
        continue;
      }
      int x = xOf.apply(from);
      shades.add(new Shade(x, Math.max(1, xOf.apply(until.plusDays(1)) - x)));
    }
    List<Tick> ticks = new ArrayList<>();
    for (LocalDate d = first; d.isBefore(end); d = d.plusDays(1)) {
      if (d.getDayOfMonth() == 1 || d.getDayOfMonth() == 15 || span <= 31 && d.equals(first)) {
        ticks.add(new Tick(xOf.apply(d), NoticeLabels.day(d)));
      }
    }
    return new DailyChart(
        WIDTH, LEFT, bottom + AXIS_HEIGHT, TOP, bottom, (int) max, columns, shades, ticks);
  }
}
