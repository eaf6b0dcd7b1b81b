package jp.emergencyaccess.ledger.web;

import static org.springframework.http.HttpMethod.GET;

import jakarta.servlet.DispatcherType;
import jp.emergencyaccess.ledger.infra.ApiAuthorization;
import jp.emergencyaccess.ledger.infra.Role;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.DispatcherTypeRequestMatcher;
import org.springframework.stereotype.Component;

/**
 * Who may read the event stream and the metrics (SPEC §4, §7): monitoring, the implementing bodies
 * and the ministry; never a facility.
 */
@Component
class StreamAuthorization implements ApiAuthorization {
  private static final String[] READERS = {Role.MONITOR.name(), Role.FUND.name(), Role.MHLW.name()};

  @Override
  public void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          rules) {
    rules
        // The stream's later dispatches (the response is written from a reader thread) belong to
        // a request that was already authorised.
        .requestMatchers(
            new AndRequestMatcher(
                new DispatcherTypeRequestMatcher(DispatcherType.ASYNC),
                PathPatternRequestMatcher.withDefaults().matcher("/api/stream")))
        .permitAll()
        .requestMatchers(GET, "/api/stream")
        .hasAnyRole(READERS)
        .requestMatchers(GET, "/actuator/prometheus")
        .hasAnyRole(READERS);
  }
}
