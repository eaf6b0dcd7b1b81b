package jp.emergencyaccess.ledger.infra;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Maintenance tasks run as {@code java -jar emergency-access-ledger.jar <task>} against the
 * configured database, without starting the web server.
 */
public final class CommandLine {
  private CommandLine() {}

  /** Whether the arguments name a task of this class. */
  public static boolean names(String[] args) {
    return args.length > 0 && args[0].equals("rebuild");
  }

  /**
   * Runs the task as {@code main} does and returns the process's exit code: 0 when it finished, 1
   * when it failed (it printed why; the rebuild changed nothing).
   */
  public static int exitCode(Class<?> application, String[] args) {
    try {
      run(application, args);
      return 0;
    } catch (RuntimeException e) {
      e.printStackTrace();
      return 1;
    }
  }

  /** Runs the task named by the first argument; false when the arguments name none. */
  public static boolean run(Class<?> application, String[] args) {
    if (!names(args)) {
      return false;
    }
    List<String> rest = new ArrayList<>(Arrays.asList(args).subList(1, args.length));
    // The demo profile loads its data at start-up; a rebuild must not send commands first.
    rest.add("--ledger.demo.load-on-start=false");
    try (var context =
        new SpringApplicationBuilder(application)
            .web(WebApplicationType.NONE)
            .run(rest.toArray(String[]::new))) {
      context.getBean(ProjectionRebuild.class).rebuildSubscribing(System.out);
    }
    return true;
  }
}
