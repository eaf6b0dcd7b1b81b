package jp.emergencyaccess.ledger.web;

import static org.springframework.http.HttpMethod.GET;

import jp.emergencyaccess.ledger.infra.ApiAuthorization;
import jp.emergencyaccess.ledger.infra.Role;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.stereotype.Component;

/**
 * Re-judging a view is for the ministry and the implementing bodies (SPEC §6). Ordered first so a
 * broader rule for /api/views/** elsewhere cannot open it to other roles.
 */
@Component
@Order(0)
class TimeTravelAuthorization implements ApiAuthorization {
  @Override
  public void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          rules) {
    rules
        .requestMatchers(GET, "/api/views/*/rejudge")
        .hasAnyRole(Role.MHLW.name(), Role.FUND.name());
  }
}
