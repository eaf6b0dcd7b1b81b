package jp.emergencyaccess.ledger.infra;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * The last rule of the chain, for requests no feature's rule names: an endpoint that exists but was
 * given no rule stays denied (a forgotten rule must not open it), while a path or method that no
 * endpoint serves is let through for a signed-in caller, so that Spring MVC answers 404 or 405 as
 * problem+json instead of a 403 that hides them. Anonymous callers get 401 either way and learn
 * nothing about which paths exist.
 */
final class UnmappedRequests implements AuthorizationManager<RequestAuthorizationContext> {
  private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();
  private final ApplicationContext context;
  private volatile List<HandlerMapping> mappings;

  UnmappedRequests(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public AuthorizationDecision check(
      Supplier<Authentication> authentication, RequestAuthorizationContext request) {
    Authentication who = authentication.get();
    if (who == null || !who.isAuthenticated() || TRUST.isAnonymous(who)) {
      return new AuthorizationDecision(false);
    }
    return new AuthorizationDecision(!served(request.getRequest()));
  }

  /**
   * Whether an endpoint serves this method and path. Static resources (the catch-all resource
   * handler) do not count: there are none, and their handler answers 404 itself. A path that is
   * served for other methods or media types only is not served: Spring MVC answers 405 or 415.
   */
  private boolean served(HttpServletRequest request) {
    HttpServletRequest probe = new OwnAttributes(request);
    ServletRequestPathUtils.parseAndCache(probe);
    for (HandlerMapping mapping : mappings()) {
      HandlerExecutionChain chain;
      try {
        chain = mapping.getHandler(probe);
      } catch (Exception e) {
        return false;
      }
      if (chain != null && !(chain.getHandler() instanceof ResourceHttpRequestHandler)) {
        return true;
      }
    }
    return false;
  }

  private List<HandlerMapping> mappings() {
    List<HandlerMapping> found = mappings;
    if (found == null) {
      found =
          BeanFactoryUtils.beansOfTypeIncludingAncestors(context, HandlerMapping.class, true, false)
              .values()
              .stream()
              .sorted(AnnotationAwareOrderComparator.INSTANCE)
              .toList();
      mappings = found;
    }
    return found;
  }

  /** The request with attributes of its own, so that the probe leaves no trace for the real one. */
  private static final class OwnAttributes extends HttpServletRequestWrapper {
    private final Map<String, Object> attributes = new HashMap<>();

    OwnAttributes(HttpServletRequest request) {
      super(request);
    }

    @Override
    public Object getAttribute(String name) {
      return attributes.containsKey(name) ? attributes.get(name) : super.getAttribute(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
      attributes.put(name, value);
    }

    @Override
    public void removeAttribute(String name) {
      attributes.put(name, null);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
      return Collections.enumeration(attributes.keySet());
    }
  }
}
