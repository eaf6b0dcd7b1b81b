package jp.emergencyaccess.ledger.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The benchmarks' throwaway data directories. */
public final class DataDirs {
  private DataDirs() {}

  /**
   * Removes a run's data directory (an H2 store of a million views takes gigabytes) unless {@code
   * -Dbench.keep-data=true}.
   */
  public static void removeUnlessKept(Path dir) throws IOException {
    if (Boolean.getBoolean("bench.keep-data") || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
    System.out.println(
        "removed the run's data directory " + dir + " (-Dbench.keep-data=true keeps it)");
  }
}
