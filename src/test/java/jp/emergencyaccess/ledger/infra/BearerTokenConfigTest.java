package jp.emergencyaccess.ledger.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** jwt mode refuses to start without the two checks that keep other tokens out. */
class BearerTokenConfigTest {
  private final Clock clock = Clock.systemUTC();

  @Test
  void refusesToStart_withoutAnIssuer() {
    AuthProperties properties = new AuthProperties();
    properties.getJwt().setAudiences(List.of("emergency-access-ledger"));
    assertThatThrownBy(() -> new BearerTokenConfig().ledgerJwtDecoder(properties, clock))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ledger.auth.jwt.issuer-uri");
  }

  @Test
  void refusesToStart_withoutAnAudience() {
    AuthProperties properties = new AuthProperties();
    properties.getJwt().setIssuerUri("https://idp.test/realms/ledger");
    assertThatThrownBy(() -> new BearerTokenConfig().ledgerJwtDecoder(properties, clock))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ledger.auth.jwt.audiences");
  }

  @Test
  void withIssuerAndAudience_startsWithoutReachingTheProvider() {
    AuthProperties properties = new AuthProperties();
    properties.getJwt().setIssuerUri("https://idp.test/realms/ledger");
    properties.getJwt().setAudiences(List.of("emergency-access-ledger"));
    // The provider's metadata is read on the first token, not at start-up.
    assertThat(new BearerTokenConfig().ledgerJwtDecoder(properties, clock)).isNotNull();
  }
}
