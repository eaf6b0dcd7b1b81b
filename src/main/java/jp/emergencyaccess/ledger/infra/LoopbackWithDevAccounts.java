package jp.emergencyaccess.ledger.infra;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With the dev accounts on (mhlw/mhlw and the like, {@code ledger.dev-accounts}), the server
 * listens on 127.0.0.1 only, unless {@code server.address} is set: whoever knows the README must
 * not be able to sign in from another machine. A configured {@code server.address} (any source,
 * {@code 0.0.0.0} included) wins. In jwt mode ({@code ledger.auth.mode=jwt}) Basic is off and the
 * dev accounts cannot sign in, so the address is left to the server.
 */
public class LoopbackWithDevAccounts implements EnvironmentPostProcessor {
  static final String SOURCE = "ledger-loopback-with-dev-accounts";
  static final String ADDRESS = "server.address";
  static final String LOOPBACK = "127.0.0.1";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    // In jwt mode no password signs in, so the dev accounts open nothing.
    boolean devAccounts =
        environment.getProperty("ledger.dev-accounts", Boolean.class, false)
            && !"jwt".equalsIgnoreCase(environment.getProperty("ledger.auth.mode", "basic"));
    if (devAccounts && !environment.containsProperty(ADDRESS)) {
      environment
          .getPropertySources()
          .addLast(new MapPropertySource(SOURCE, Map.of(ADDRESS, LOOPBACK)));
    }
  }
}
