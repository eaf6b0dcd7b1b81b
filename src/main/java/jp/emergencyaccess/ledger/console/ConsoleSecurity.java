package jp.emergencyaccess.ledger.console;

import jakarta.servlet.DispatcherType;
import jp.emergencyaccess.ledger.infra.Role;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The console's own security chain, ordered before the API's catch-all chain and matching only
 * {@code /console/**}, so the API keeps its stateless Basic (or bearer) sign-in untouched. The
 * console signs in with a form against the same accounts (the {@code UserDetailsService} of the
 * embedded default and configured accounts), keeps a session (its timeout is {@code
 * server.servlet.session.timeout}) and checks a CSRF token on every form it posts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ConsoleSecurity {
  static final String[] ACTIVATION_READERS = {Role.MHLW.name(), Role.FUND.name()};
  static final String[] ACTIVATION_WRITERS = {Role.MHLW.name()};

  /** The API's readers of an application, except the facility itself (FacilityAuthorization). */
  static final String[] APPLICATION_READERS = {Role.MHLW.name(), Role.FUND.name()};

  /** The role that approves and rejects applications on the API. */
  static final String[] APPLICATION_DECIDERS = {Role.MHLW.name()};

  static final String[] ALERT_READERS = {Role.MHLW.name(), Role.FUND.name()};
  static final String[] ALERT_TRIAGERS = {Role.FUND.name()};
  static final String[] INQUIRY_READERS = {Role.MHLW.name(), Role.FUND.name()};
  static final String[] INQUIRY_MEASURERS = {Role.FUND.name()};
  static final String[] HISTORY_READERS = {Role.MHLW.name(), Role.FUND.name()};
  static final String[] MONITORING_READERS = {Role.MONITOR.name(), Role.MHLW.name()};
  static final String[] CHAIN_VERIFIERS = {Role.MHLW.name()};
  static final String[] CONSOLE_USERS = {Role.MHLW.name(), Role.FUND.name(), Role.MONITOR.name()};

  @Bean
  @Order(1)
  @ConditionalOnProperty(name = "ledger.auth.mode", havingValue = "basic", matchIfMissing = true)
  SecurityFilterChain console(HttpSecurity http) throws Exception {
    http.securityMatcher("/console/**")
        .authorizeHttpRequests(
            rules ->
                rules
                    // The forwarded 403 page, and the stream's later dispatches (written from a
                    // reader thread) of a request that was already authorised.
                    .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR)
                    .permitAll()
                    .requestMatchers("/console/login")
                    .permitAll()
                    .dispatcherTypeMatchers(DispatcherType.ASYNC)
                    .permitAll()
                    .requestMatchers(HttpMethod.POST, "/console/activation/**")
                    .hasAnyRole(ACTIVATION_WRITERS)
                    .requestMatchers("/console/activation", "/console/activation/**")
                    .hasAnyRole(ACTIVATION_READERS)
                    .requestMatchers(HttpMethod.POST, "/console/applications/**")
                    .hasAnyRole(APPLICATION_DECIDERS)
                    .requestMatchers("/console/applications", "/console/applications/**")
                    .hasAnyRole(APPLICATION_READERS)
                    .requestMatchers(HttpMethod.POST, "/console/alerts/**")
                    .hasAnyRole(ALERT_TRIAGERS)
                    .requestMatchers("/console/alerts", "/console/alerts/**")
                    .hasAnyRole(ALERT_READERS)
                    .requestMatchers(HttpMethod.POST, "/console/inquiries/**")
                    .hasAnyRole(INQUIRY_MEASURERS)
                    .requestMatchers("/console/inquiries", "/console/inquiries/**")
                    .hasAnyRole(INQUIRY_READERS)
                    .requestMatchers("/console/facilities", "/console/facilities/**")
                    .hasAnyRole(HISTORY_READERS)
                    // Of the roles that open 監視, only MHLW may verify the chain over the API.
                    .requestMatchers(HttpMethod.POST, "/console/monitoring/verify")
                    .hasAnyRole(CHAIN_VERIFIERS)
                    .requestMatchers(
                        "/console/monitoring", "/console/monitoring/**", "/console/stream")
                    .hasAnyRole(MONITORING_READERS)
                    .anyRequest()
                    .hasAnyRole(CONSOLE_USERS))
        .formLogin(
            form ->
                form.loginPage("/console/login")
                    .defaultSuccessUrl("/console", false)
                    .failureUrl("/console/login?error")
                    .permitAll())
        .logout(
            logout ->
                logout
                    .logoutUrl("/console/logout")
                    .logoutSuccessUrl("/console/login?logout")
                    .deleteCookies("JSESSIONID"))
        .exceptionHandling(ex -> ex.accessDeniedPage("/console/denied"))
        .headers(
            headers ->
                headers.contentSecurityPolicy(
                    csp ->
                        csp.policyDirectives(
                            "default-src 'self'; style-src 'self' 'unsafe-inline';"
                                + " script-src 'self' 'unsafe-inline'; img-src 'self' data:;"
                                + " frame-ancestors 'none'")));
    return http.build();
  }

  /**
   * In jwt mode there are no local accounts to sign in with a form: the console is not served, and
   * every {@code /console} path answers 404 whoever asks (the API's chain would answer 401 first).
   */
  @Bean
  @Order(1)
  @ConditionalOnProperty(name = "ledger.auth.mode", havingValue = "jwt")
  SecurityFilterChain consoleOff(HttpSecurity http) throws Exception {
    http.securityMatcher("/console/**")
        .csrf(csrf -> csrf.disable())
        .authorizeHttpRequests(rules -> rules.anyRequest().permitAll());
    return http.build();
  }
}
