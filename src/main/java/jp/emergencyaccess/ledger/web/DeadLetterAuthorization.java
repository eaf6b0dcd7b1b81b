package jp.emergencyaccess.ledger.web;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import jp.emergencyaccess.ledger.infra.ApiAuthorization;
import jp.emergencyaccess.ledger.infra.Role;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/** The processors' dead letters (list, retry, evict): MHLW, like the processors themselves. */
@Component
class DeadLetterAuthorization implements ApiAuthorization {
  @Override
  public void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          rules) {
    rules
        .requestMatchers(GET, "/api/admin/dead-letters", "/api/admin/processors/*/dead-letters")
        .hasRole(Role.MHLW.name())
        .requestMatchers(POST, "/api/admin/processors/*/dead-letters/retry")
        .hasRole(Role.MHLW.name())
        .requestMatchers(DELETE, "/api/admin/processors/*/dead-letters/*")
        .hasRole(Role.MHLW.name());
  }
}
