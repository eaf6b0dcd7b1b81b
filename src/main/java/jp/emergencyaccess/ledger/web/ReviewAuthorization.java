package jp.emergencyaccess.ledger.web;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import jp.emergencyaccess.ledger.infra.ApiAuthorization;
import jp.emergencyaccess.ledger.infra.Role;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The review records (docs/workbench.md): FUND and MHLW record them and read every facility's; a
 * FACILITY account reads its own facility's (checked in the controller, without the note), so that
 * a facility knows its logs were examined; MONITOR and PORTAL none.
 */
@Component
class ReviewAuthorization implements ApiAuthorization {
  @Override
  public void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          rules) {
    rules
        .requestMatchers(POST, "/api/reviews")
        .hasAnyRole(Role.MHLW.name(), Role.FUND.name())
        .requestMatchers(GET, "/api/reviews/*", "/api/facilities/*/reviews")
        .hasAnyRole(Role.MHLW.name(), Role.FUND.name(), Role.FACILITY.name());
  }
}
