package jp.emergencyaccess.ledger.bench;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Locale;

/** The machine the figures come from, as setup lines of the report. */
final class Machine {
  private Machine() {}

  /** CPUs, memory, Java, the start time and the load average at the start. */
  static void describe(Report report) {
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    report.setup("cpus", Runtime.getRuntime().availableProcessors());
    report.setup(
        "memory", String.format(Locale.ROOT, "%.1f GiB", os.getTotalMemorySize() / 1073741824.0));
    report.setup(
        "java",
        System.getProperty("java.vm.name")
            + " "
            + Runtime.version()
            + ", max heap "
            + Runtime.getRuntime().maxMemory() / 1048576
            + " MiB");
    report.setup("started", Instant.now().toString());
    load(report, "load average at the start");
  }

  static void load(Report report, String key) {
    report.setup(
        key,
        String.format(
            Locale.ROOT,
            "%.2f",
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
  }
}
