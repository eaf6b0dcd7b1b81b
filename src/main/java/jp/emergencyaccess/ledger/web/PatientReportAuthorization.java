package jp.emergencyaccess.ledger.web;

import static org.springframework.http.HttpMethod.POST;

import jakarta.servlet.http.HttpServletRequest;
import jp.emergencyaccess.ledger.infra.ApiAuthorization;
import jp.emergencyaccess.ledger.infra.Role;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;

/**
 * A patient's access report is for the PORTAL account; the AuditEvent search for MHLW, FUND and
 * PORTAL (SPEC §10). A PORTAL account reads nothing else: ordered first, its requests to any other
 * path are denied before the other features' rules (several of which let every signed-in account
 * read) are asked.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class PatientReportAuthorization implements ApiAuthorization {
  static final String REPORT = "/api/patient-access-report";
  static final String PRINT = "/api/patient-access-report/print";
  static final String SEARCH = "/fhir/AuditEvent/_search";

  @Override
  public void apply(
      AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
          rules) {
    rules
        .requestMatchers(portalElsewhere())
        .denyAll()
        .requestMatchers(POST, REPORT, PRINT)
        .hasRole(Role.PORTAL.name())
        .requestMatchers(POST, SEARCH)
        .hasAnyRole(Role.MHLW.name(), Role.FUND.name(), Role.PORTAL.name());
  }

  /** A request of a PORTAL account to anything but its own two endpoints. */
  private static RequestMatcher portalElsewhere() {
    String authority = Role.PORTAL.authority();
    return (HttpServletRequest request) -> {
      Authentication auth = SecurityContextHolder.getContext().getAuthentication();
      if (auth == null
          || auth.getAuthorities().stream().noneMatch(a -> authority.equals(a.getAuthority()))) {
        return false;
      }
      String path = request.getRequestURI().substring(request.getContextPath().length());
      boolean own = path.equals(REPORT) || path.equals(PRINT) || path.equals(SEARCH);
      return !(own && "POST".equals(request.getMethod()));
    };
  }
}
