package jp.emergencyaccess.ledger.infra;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code ledger.data-dir} absolute before anything uses it: H2 refuses file paths that are
 * implicitly relative, and every file the ledger keeps (database, keys) lives under it.
 */
public class DataDirectory implements EnvironmentPostProcessor {
  static final String PROPERTY = "ledger.data-dir";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    String configured = environment.getProperty(PROPERTY);
    if (configured == null) {
      return;
    }
    String absolute = Path.of(configured).toAbsolutePath().normalize().toString();
    environment
        .getPropertySources()
        .addFirst(new MapPropertySource("ledger-data-dir", Map.of(PROPERTY, absolute)));
  }
}
