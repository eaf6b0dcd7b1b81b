package jp.emergencyaccess.ledger.web;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import jp.emergencyaccess.ledger.infra.ApiAuthorization;
import jp.emergencyaccess.ledger.infra.Role;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * The investigator's workbench (docs/workbench.md): FUND triages; MHLW and FUND read every alert, a
 * FACILITY account its own (checked in the controller, without internal notes); MONITOR none. The
 * cross-facility ranking: MHLW and FUND. The auditors' log: MHLW only.
 */
@Component
class WorkbenchAuthorization implements ApiAuthorization {
  @Override
  public void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          rules) {
    rules
        .requestMatchers(POST, "/api/alerts/*/*")
        .hasRole(Role.FUND.name())
        .requestMatchers(GET, "/api/alerts", "/api/alerts/*")
        .hasAnyRole(Role.MHLW.name(), Role.FUND.name(), Role.FACILITY.name())
        .requestMatchers(POST, "/api/drilldown/patient")
        .hasAnyRole(Role.MHLW.name(), Role.FUND.name())
        .requestMatchers(GET, "/api/facilities/*/viewers/*")
        .hasAnyRole(Role.MHLW.name(), Role.FUND.name(), Role.FACILITY.name())
        .requestMatchers(GET, "/api/rankings")
        .hasAnyRole(Role.MHLW.name(), Role.FUND.name())
        .requestMatchers(GET, "/api/auditors-log")
        .hasRole(Role.MHLW.name());
  }
}
