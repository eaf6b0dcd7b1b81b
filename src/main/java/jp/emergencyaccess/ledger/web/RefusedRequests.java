package jp.emergencyaccess.ledger.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * One log line for every refused request (a 4xx answer), wherever it was refused (the security
 * chain, the body-size limit, a handler), and nothing more: no stack trace, since a refusal is the
 * caller's fault, not the ledger's. The line names the route pattern ({@code /api/views}, {@code
 * /api/facilities/{facilityCode}}), never the path as sent, the query or the body, so that no
 * patient identifier a caller put anywhere in a request can reach the logs. The fields are also
 * key-value pairs, which structured logging (docs/operations.md) writes as JSON fields.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RefusedRequests extends OncePerRequestFilter {
  private static final Logger LOG = LoggerFactory.getLogger(RefusedRequests.class);
  private static final RequestAttributeSecurityContextRepository SIGNED_IN =
      new RequestAttributeSecurityContextRepository();
  private static final Pattern WORD = Pattern.compile("[a-z][a-z.-]{0,39}");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    chain.doFilter(request, response);
    int status = response.getStatus();
    if (status >= 400 && status < 500) {
      String route = route(request);
      String account = account(request);
      LOG.atInfo()
          .addKeyValue("http.request.method", request.getMethod())
          .addKeyValue("http.route", route)
          .addKeyValue("http.response.status_code", status)
          .addKeyValue("user.name", account)
          .log("refused {} {} with {} (account {})", request.getMethod(), route, status, account);
    }
  }

  /**
   * The handler's pattern; before (or without) a handler, the path's leading fixed words (every
   * route's segments up to its first variable are lower-case words), then "/…".
   */
  private static String route(HttpServletRequest request) {
    // "/**" is the static-resource handler's catch-all: no endpoint serves the path.
    if (request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String p
        && !p.equals("/**")) {
      return p;
    }
    StringBuilder route = new StringBuilder();
    for (String segment : request.getRequestURI().substring(1).split("/", -1)) {
      if (!WORD.matcher(segment).matches()) {
        return route.append("/…").toString();
      }
      route.append('/').append(segment);
    }
    return route.toString();
  }

  /** The account the request signed in as, if it got that far. */
  private static String account(HttpServletRequest request) {
    Authentication signedIn = SIGNED_IN.loadDeferredContext(request).get().getAuthentication();
    return signedIn == null ? "-" : signedIn.getName();
  }
}
