package jp.emergencyaccess.ledger.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class LoopbackWithDevAccountsTest {
  private static String addressWith(Map<String, Object> properties) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("given", properties));
    new LoopbackWithDevAccounts().postProcessEnvironment(environment, new SpringApplication());
    return environment.getProperty("server.address");
  }

  @Test
  void devAccountsOn_listenOnLoopbackOnly() {
    assertThat(addressWith(Map.of("ledger.dev-accounts", "true"))).isEqualTo("127.0.0.1");
  }

  @Test
  void devAccountsOn_aConfiguredAddressWins() {
    assertThat(addressWith(Map.of("ledger.dev-accounts", "true", "server.address", "0.0.0.0")))
        .isEqualTo("0.0.0.0");
  }

  @Test
  void devAccountsOff_leaveTheAddressToTheServer() {
    assertThat(addressWith(Map.of("ledger.dev-accounts", "false"))).isNull();
    assertThat(addressWith(Map.of())).isNull();
  }

  @Test
  void devAccountsOn_inJwtMode_leaveTheAddressToTheServer() {
    assertThat(addressWith(Map.of("ledger.dev-accounts", "true", "ledger.auth.mode", "jwt")))
        .isNull();
  }
}
