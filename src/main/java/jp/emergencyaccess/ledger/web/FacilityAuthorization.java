package jp.emergencyaccess.ledger.web;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import jp.emergencyaccess.ledger.infra.ApiAuthorization;
import jp.emergencyaccess.ledger.infra.Role;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the facility and application paths (SPEC §4–§6); a facility's own-code rule is in
 * the controllers.
 */
@Component
class FacilityAuthorization implements ApiAuthorization {
  @Override
  public void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          rules) {
    rules
        .requestMatchers(
            POST, "/api/facilities", "/api/facilities/import", "/api/facilities/*/extend")
        .hasRole(Role.MHLW.name())
        .requestMatchers(GET, "/api/facilities/*")
        .authenticated()
        .requestMatchers(POST, "/api/applications")
        .hasRole(Role.FACILITY.name())
        .requestMatchers(POST, "/api/applications/*/approve", "/api/applications/*/reject")
        .hasRole(Role.MHLW.name())
        .requestMatchers(GET, "/api/applications/*")
        .hasAnyRole(Role.MHLW.name(), Role.FUND.name(), Role.FACILITY.name());
  }
}
