package jp.emergencyaccess.ledger.web;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import jp.emergencyaccess.ledger.infra.ApiAccessRules;
import jp.emergencyaccess.ledger.infra.Role;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Who may run inquiries and read them (SPEC §4–§6): the implementing bodies act, MHLW reads too.
 * The list of published names is public information and open to every account.
 */
@Component
class InvestigationAccessRules implements ApiAccessRules {
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
        .authenticated();
  }
}
