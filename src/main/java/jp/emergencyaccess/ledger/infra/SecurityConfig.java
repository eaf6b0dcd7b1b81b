package jp.emergencyaccess.ledger.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * HTTP Basic over configured accounts, or bearer tokens in jwt mode ({@link BearerTokenConfig});
 * 401/403 answered as problem+json.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LedgerAccountProperties.class)
class SecurityConfig {

  /** The configured accounts sign in with Basic; in jwt mode tokens name the account instead. */
  @Bean
  @ConditionalOnProperty(name = "ledger.auth.mode", havingValue = "basic", matchIfMissing = true)
  UserDetailsService ledgerAccounts(LedgerAccountProperties properties) {
    return new LedgerAccounts(properties);
  }

  @Bean
  @ConditionalOnWebApplication
  SecurityFilterChain api(
      HttpSecurity http,
      List<ApiAuthorization> featureRules,
      ObjectMapper json,
      ApplicationContext context,
      ObjectProvider<BearerTokenConfig.BearerSignIn> bearer)
      throws Exception {
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .httpBasic(
            basic ->
                basic.authenticationEntryPoint(
                    (request, response, e) -> {
                      response.setHeader("WWW-Authenticate", "Basic realm=\"ledger\"");
                      write(
                          json,
                          response,
                          HttpStatus.UNAUTHORIZED,
                          "credentials are missing or wrong");
                    }))
        .exceptionHandling(
            ex ->
                ex.accessDeniedHandler(
                    (request, response, e) ->
                        write(json, response, HttpStatus.FORBIDDEN, e.getMessage())))
        .authorizeHttpRequests(
            rules -> {
              rules
                  .requestMatchers("/actuator/health", "/actuator/health/**", "/error")
                  .permitAll()
                  .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                  .permitAll();
              featureRules.forEach(r -> r.apply(rules));
              rules.anyRequest().access(new UnmappedRequests(context));
            })
        .headers(Customizer.withDefaults());
    BearerTokenConfig.BearerSignIn tokens = bearer.getIfAvailable();
    if (tokens != null) {
      tokens.apply(http);
    }
    return http.build();
  }

  /**
   * Requests the firewall refuses (encoded traversal, NUL, a semicolon in the path) are answered as
   * problem+json like every other refusal.
   */
  @Bean
  @ConditionalOnWebApplication
  RequestRejectedHandler rejectedAsProblem(ObjectMapper json) {
    return (request, response, e) ->
        write(
            json,
            response,
            HttpStatus.BAD_REQUEST,
            "the request's path or headers hold characters the ledger does not accept");
  }

  @Bean
  @ConditionalOnWebApplication
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatErrorsAsProblems() {
    return ProblemErrorValve.installer();
  }

  static void write(
      ObjectMapper json, HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("about:blank"));
    response.setStatus(status.value());
    response.setContentType("application/problem+json");
    json.writeValue(response.getOutputStream(), problem);
  }
}
