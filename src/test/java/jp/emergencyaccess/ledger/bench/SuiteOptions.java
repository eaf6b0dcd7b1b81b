package jp.emergencyaccess.ledger.bench;

import java.util.Locale;

/** What the benchmark suite measures and how much: its command line. */
record SuiteOptions(
    boolean postgres,
    int size,
    int runs,
    int views,
    int threads,
    int appends,
    int commands,
    int subscribers,
    int queries,
    int nodes) {

  static SuiteOptions full() {
    return new SuiteOptions(false, 1_000_000, 3, 20_000, 8, 20_000, 2_000, 100, 300, 1);
  }

  /** The reduced size run inside {@code mvn verify}, so that the code cannot rot. */
  static SuiteOptions small() {
    return new SuiteOptions(false, 2_000, 1, 100, 8, 100, 80, 10, 20, 1);
  }

  static SuiteOptions parse(String[] args) {
    SuiteOptions o = full();
    for (String arg : args) {
      String[] kv = arg.split("=", 2);
      int n = kv.length == 2 ? Integer.parseInt(kv[1].replace("_", "").replace(",", "")) : 0;
      o =
          switch (kv[0]) {
            case "--postgres" -> o.with(true, o.size, o.runs, o.views, o.appends, o.commands);
            case "--size" -> o.with(o.postgres, n, o.runs, o.views, o.appends, o.commands);
            case "--runs" -> o.with(o.postgres, o.size, n, o.views, o.appends, o.commands);
            case "--views" -> o.with(o.postgres, o.size, o.runs, n, n, o.commands);
            case "--commands" -> o.with(o.postgres, o.size, o.runs, o.views, o.appends, n);
            case "--nodes" -> o.withNodes(n);
            default ->
                throw new IllegalArgumentException(
                    "unknown option "
                        + arg
                        + "; use --postgres --size=N --runs=N --views=N --commands=N"
                        + " --nodes=N");
          };
    }
    if (o.nodes < 1 || (o.nodes > 1 && !o.postgres)) {
      // Nodes share one store: only PostgreSQL is a store that several processes can open.
      throw new IllegalArgumentException("--nodes=N (N > 1) needs --postgres");
    }
    return o;
  }

  private SuiteOptions with(
      boolean postgres, int size, int runs, int views, int appends, int commands) {
    return new SuiteOptions(
        postgres, size, runs, views, threads, appends, commands, subscribers, queries, nodes);
  }

  private SuiteOptions withNodes(int n) {
    return new SuiteOptions(
        postgres, size, runs, views, threads, appends, commands, subscribers, queries, n);
  }

  /** The report's "store" line. */
  String store() {
    if (!postgres) {
      return "H2 file (embedded)";
    }
    return "PostgreSQL (embedded, zonky)"
        + (nodes > 1 ? ", " + nodes + " ledger nodes on it (lookups spread over them)" : "");
  }

  /** The report's "sizes" line. */
  String sizes() {
    return String.format(
        Locale.ROOT,
        "seeded views %,d; runs %d; %d client threads; %,d lookups, %,d raw appends,"
            + " %,d commands and %d queries per run",
        size,
        runs,
        threads,
        views,
        appends,
        commands,
        queries);
  }
}
