package jp.emergencyaccess.ledger.web;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import jp.emergencyaccess.ledger.infra.ApiAccessRules;
import jp.emergencyaccess.ledger.infra.Role;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may call the facility paths (SPEC §4–§6); a facility's own-code rule is in the controller.
 */
@Component
class FacilityAccessRules implements ApiAccessRules {
  @Override
  public void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          rules) {
    rules
        .requestMatchers(POST, "/api/facilities")
        .hasRole(Role.MHLW.name())
        .requestMatchers(GET, "/api/facilities/*")
        .authenticated();
  }
}
