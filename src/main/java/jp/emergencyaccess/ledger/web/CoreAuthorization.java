package jp.emergencyaccess.ledger.web;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import jp.emergencyaccess.ledger.infra.ApiAuthorization;
import jp.emergencyaccess.ledger.infra.Role;
import org.springframework.stereotype.Component;

/** Who may call the notice, region and activation paths (SPEC §4–§6). */
@Component
class CoreAuthorization implements ApiAuthorization {
  @Override
  public void apply(
      org.springframework.security.config.annotation.web.configurers
                      .AuthorizeHttpRequestsConfigurer<
                  org.springframework.security.config.annotation.web.builders.HttpSecurity>
              .AuthorizationManagerRequestMatcherRegistry
          rules) {
    rules
        .requestMatchers(POST, "/api/notices", "/api/regions/*/*")
        .hasRole(Role.MHLW.name())
        .requestMatchers(GET, "/api/notices", "/api/notices/**", "/api/regions/**")
        .authenticated()
        .requestMatchers(GET, "/api/activation", "/api/activation/check")
        .authenticated();
  }
}
