package jp.emergencyaccess.ledger.infra;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Maintenance tasks run as {@code java -jar emergency-access-ledger.jar <task>} against the
 * configured database, without starting the web server.
 */
public final class CommandLine {
  private CommandLine() {}

  /** Runs the task named by the first argument; false when the arguments name none. */
  public static boolean run(Class<?> application, String[] args) {
    if (args.length == 0 || !args[0].equals("rebuild")) {
      return false;
    }
    String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
    try (var context =
        new SpringApplicationBuilder(application).web(WebApplicationType.NONE).run(rest)) {
      context.getBean(ProjectionRebuild.class).rebuildSubscribing(System.out);
    }
    return true;
  }
}
