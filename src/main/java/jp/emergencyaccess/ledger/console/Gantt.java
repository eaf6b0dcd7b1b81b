package jp.emergencyaccess.ledger.console;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The geometry of the activation timeline, computed on the server so the SVG needs no script: one
 * row per municipality, one bar per period, an axis of days from the first {@code from} to the day
 * after the last {@code until}, ticks on the 1st and 15th of each month, and a line at {@code at}.
 */
record Gantt(
    int width,
    int height,
    int labelWidth,
    List<Row> rows,
    List<Tick> ticks,
    Integer atX,
    String atLabel) {

  static final int WIDTH = 960;
  static final int LABEL_WIDTH = 150;
  static final int ROW_HEIGHT = 22;
  static final int AXIS_HEIGHT = 24;
  private static final int MIN_INSIDE_LABEL = 160;

  /** One period as a bar: where it is drawn and what its label says. */
  record Bar(
      String regionCode,
      LocalDate from,
      LocalDate until,
      String noticeId,
      String noticeLabel,
      boolean activeAt,
      int x,
      int y,
      int barWidth,
      int labelX,
      boolean labelInside) {}

  record Row(String regionCode, String name, int y, List<Bar> bars) {}

  record Tick(int x, String label) {}

  /** A period before it is placed. */
  record Period(
      String regionCode,
      LocalDate from,
      LocalDate until,
      String noticeId,
      String noticeLabel,
      boolean activeAt) {}

  record Subject(String regionCode, String name, List<Period> periods) {}

  static Gantt of(List<Subject> subjects, LocalDate at) {
    LocalDate first =
        subjects.stream()
            .flatMap(s -> s.periods().stream())
            .map(Period::from)
            .min(LocalDate::compareTo)
            .orElse(at);
    LocalDate last =
        subjects.stream()
            .flatMap(s -> s.periods().stream())
            .map(Period::until)
            .max(LocalDate::compareTo)
            .orElse(at);
    if (at.isBefore(first)) {
      first = at;
    }
    if (at.isAfter(last)) {
      last = at;
    }
    LocalDate end = last.plusDays(1);
    long days = Math.max(1, ChronoUnit.DAYS.between(first, end));
    double perDay = (double) (WIDTH - LABEL_WIDTH - 10) / days;
    LocalDate origin = first;
    java.util.function.Function<LocalDate, Integer> xOf =
        d -> LABEL_WIDTH + (int) Math.round(ChronoUnit.DAYS.between(origin, d) * perDay);

    List<Row> rows = new ArrayList<>();
    int y = AXIS_HEIGHT;
    for (Subject s : subjects) {
      List<Bar> bars = new ArrayList<>();
      for (Period p : s.periods()) {
        int x = xOf.apply(p.from());
        int w = Math.max(2, xOf.apply(p.until().plusDays(1)) - x);
        boolean inside = w >= MIN_INSIDE_LABEL;
        bars.add(
            new Bar(
                s.regionCode(),
                p.from(),
                p.until(),
                p.noticeId(),
                p.noticeLabel(),
                p.activeAt(),
                x,
                y + 3,
                w,
                inside ? x + 4 : x + w + 4,
                inside));
      }
      rows.add(new Row(s.regionCode(), s.name(), y, bars));
      y += ROW_HEIGHT;
    }
    List<Tick> ticks = new ArrayList<>();
    for (LocalDate d = first; d.isBefore(end); d = d.plusDays(1)) {
      if (d.getDayOfMonth() == 1 || d.getDayOfMonth() == 15) {
        ticks.add(new Tick(xOf.apply(d), NoticeLabels.day(d)));
      }
    }
    int atX = xOf.apply(at);
    return new Gantt(WIDTH, y + 4, LABEL_WIDTH, rows, ticks, atX, NoticeLabels.day(at));
  }
}
