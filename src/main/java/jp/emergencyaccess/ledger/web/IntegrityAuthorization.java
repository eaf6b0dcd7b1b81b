package jp.emergencyaccess.ledger.web;

import static org.springframework.http.HttpMethod.GET;

import jp.emergencyaccess.ledger.infra.ApiAuthorization;
import jp.emergencyaccess.ledger.infra.Role;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** Who may call the integrity paths (SPEC §8). */
@Component
class IntegrityAuthorization implements ApiAuthorization {
  @Override
  public void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          rules) {
    rules
        .requestMatchers(GET, "/api/integrity/verify", "/api/integrity/proof/*")
        .hasAnyRole(Role.MHLW.name(), Role.FUND.name())
        .requestMatchers(GET, "/api/integrity/checkpoints", "/api/integrity/public-key")
        .authenticated();
  }
}
