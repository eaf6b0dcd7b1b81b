package jp.emergencyaccess.ledger.support;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of the whole process, of the calling thread, and of the live threads by group: on a
 * shared machine it says more about the cost of a decision than wall-clock throughput does.
 */
public final class CpuTime {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private CpuTime() {}

  public static long currentThreadNanos() {
    return THREADS.getCurrentThreadCpuTime();
  }

  /** CPU time of this whole process (server and client threads). */
  public static long processNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun
        ? sun.getProcessCpuTime()
        : -1;
  }

  /** CPU time so far of the live threads, summed by name with the numbers taken out. */
  public static Map<String, Long> byThreadGroup() {
    Map<String, Long> groups = new TreeMap<>();
    for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      long cpu = info == null ? -1 : THREADS.getThreadCpuTime(info.getThreadId());
      if (cpu > 0) {
        groups.merge(info.getThreadName().replaceAll("[0-9]+", "N"), cpu, Long::sum);
      }
    }
    return groups;
  }

  /**
   * Where the CPU of a measured run went, per decision, by thread group (threads that lived on).
   */
  public static void printByThreadGroup(
      String label, Map<String, Long> before, Map<String, Long> after, int views) {
    StringBuilder line = new StringBuilder("    CPU/decision by thread, " + label + ":");
    after.entrySet().stream()
        .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
        .filter(e -> e.getValue() / 1e3 / views >= 5)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(
            e ->
                line.append(
                    String.format(
                        Locale.ROOT, " %s %.0f µs;", e.getKey(), e.getValue() / 1e3 / views)));
    System.out.println(line);
  }
}
