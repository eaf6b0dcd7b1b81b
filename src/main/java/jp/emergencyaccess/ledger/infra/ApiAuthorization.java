package jp.emergencyaccess.ledger.infra;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Each feature states which roles may call its paths, as a bean of this type. Roles are checked
 * before the body is read, so a caller without the role learns nothing about validation. An
 * endpoint that no rule names is denied; a path or method that no endpoint serves answers a
 * signed-in caller 404 or 405 ({@link UnmappedRequests}).
 */
public interface ApiAuthorization {
  void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          rules);
}
