package jp.emergencyaccess.ledger.web;

import static org.springframework.http.HttpMethod.POST;

import jp.emergencyaccess.ledger.infra.ApiAuthorization;
import jp.emergencyaccess.ledger.infra.Role;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Consents and lookups are a facility's own acts (SPEC §4–§5): only FACILITY accounts, and only for
 * their own code (checked in the controllers, answered 403 and never recorded as a lookup).
 */
@Component
class LookupAuthorization implements ApiAuthorization {
  @Override
  public void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          rules) {
    rules
        .requestMatchers(POST, "/api/consents", "/api/consents/*/withdraw", "/api/views")
        .hasRole(Role.FACILITY.name());
  }
}
