package jp.emergencyaccess.ledger.web;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import jp.emergencyaccess.ledger.infra.ApiAuthorization;
import jp.emergencyaccess.ledger.infra.Role;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may run inquiries and read them (SPEC §4–§6): the implementing bodies act, MHLW reads too.
 * The list of published names is public information and open to every account. Access histories:
 * MHLW and FUND any facility's, a FACILITY account its own (checked in the controller), MONITOR
 * none. Streaming processors (status, reset): MHLW.
 */
@Component
class InvestigationAuthorization implements ApiAuthorization {
  @Override
  public void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          rules) {
    rules
        .requestMatchers(POST, "/api/inquiries", "/api/inquiries/*/*")
        .hasRole(Role.FUND.name())
        .requestMatchers(GET, "/api/inquiries", "/api/inquiries/*")
        .hasAnyRole(Role.FUND.name(), Role.MHLW.name())
        .requestMatchers(GET, "/api/facilities/published-names")
        .authenticated()
        .requestMatchers(
            GET,
            "/api/facilities/*/accesses",
            "/api/facilities/*/accesses.csv",
            "/api/facilities/*/accesses/fhir")
        .hasAnyRole(Role.MHLW.name(), Role.FUND.name(), Role.FACILITY.name())
        .requestMatchers(GET, "/api/admin/processors", "/api/admin/processors/*")
        .hasRole(Role.MHLW.name())
        .requestMatchers(POST, "/api/admin/processors/*/reset")
        .hasRole(Role.MHLW.name());
  }
}
