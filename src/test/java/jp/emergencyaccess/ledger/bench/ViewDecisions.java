package jp.emergencyaccess.ledger.bench;

import static jp.emergencyaccess.ledger.bench.BenchmarkSuite.check;

import java.util.Locale;

/**
 * (1) View decisions of one run: over HTTP for the fresh and the busy (seeded) facility, the HTTP
 * floor under them, and the same decision path called in-process.
 */
final class ViewDecisions {
  private final ViewLoad load;
  private final int views;
  private final int threads;
  private final ViewSetup.Client fresh;
  private final String freshRef;
  private final ViewSetup.Client busy;
  private final String busyRef;
  private final String busyLabel;

  ViewDecisions(
      ViewLoad load,
      SuiteOptions options,
      ViewSetup.Client fresh,
      String freshRef,
      ViewSetup.Client busy,
      String busyRef) {
    this.load = load;
    this.views = options.views();
    this.threads = options.threads();
    this.fresh = fresh;
    this.freshRef = freshRef;
    this.busy = busy;
    this.busyRef = busyRef;
    this.busyLabel = String.format(Locale.ROOT, "facility with %,d views", options.size());
  }

  /** Measures run number {@code run} into {@code figures}; returns the fresh facility's rate. */
  double measure(int run, RunFigures figures) throws Exception {
    // Fresh and busy facility, the first of them alternating between runs, so neither is always
    // the one measured right after the previous run's catch-up.
    ViewLoad.Figures f;
    ViewLoad.Figures b;
    if (run % 2 == 1) {
      f = load.measure("fresh facility", fresh, views, threads);
      b = load.measure(busyLabel, busy, views, threads);
    } else {
      b = load.measure(busyLabel, busy, views, threads);
      f = load.measure("fresh facility", fresh, views, threads);
    }
    System.out.println("  " + f);
    System.out.println("  " + b);
    check(f.errors() == 0 && b.errors() == 0, "refused lookups: " + f + " / " + b);
    figures.add("(1) view decisions, fresh facility", "decisions/s", f.perSecond());
    figures.add("(1) view latency p50, fresh facility", "ms", f.p50());
    figures.add("(1) view latency p99, fresh facility", "ms", f.p99());
    figures.add("(1) view decisions, " + busyLabel, "decisions/s", b.perSecond());
    figures.add("(1) view latency p50, " + busyLabel, "ms", b.p50());
    figures.add("(1) view latency p99, " + busyLabel, "ms", b.p99());
    figures.add(
        "(1) busy facility's rate relative to the fresh one",
        "%",
        100 * b.perSecond() / f.perSecond());
    var floor = load.measureHttpFloor("HTTP floor (GET)", fresh, views, threads);
    System.out.println("  " + floor);
    check(floor.errors() == 0, "refused checks: " + floor);
    figures.add(
        "(1) HTTP floor: authenticated GET answered from memory", "requests/s", floor.perSecond());
    // Again without HTTP: the same decision path, called in-process.
    var fi = load.measureInProcess("fresh, in-process", fresh, freshRef, views, threads);
    var bi = load.measureInProcess("busy, in-process", busy, busyRef, views, threads);
    System.out.println("  " + fi);
    System.out.println("  " + bi);
    check(fi.errors() == 0 && bi.errors() == 0, "refused lookups: " + fi + " / " + bi);
    figures.add("(1) in-process view decisions, fresh facility", "decisions/s", fi.perSecond());
    figures.add("(1) in-process view latency p50, fresh facility", "ms", fi.p50());
    figures.add("(1) in-process view latency p99, fresh facility", "ms", fi.p99());
    figures.add("(1) in-process view decisions, " + busyLabel, "decisions/s", bi.perSecond());
    figures.add("(1) in-process view latency p99, " + busyLabel, "ms", bi.p99());
    return f.perSecond();
  }
}
