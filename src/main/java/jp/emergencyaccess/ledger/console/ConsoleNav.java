package jp.emergencyaccess.ledger.console;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The navigation of every console page: only the pages the signed-in account's role may open (the
 * same role lists as {@link ConsoleSecurity}), the current one marked; and the link to the same
 * page in the other language ({@link ConsoleLanguage}).
 */
@ControllerAdvice(basePackageClasses = ConsoleNav.class)
class ConsoleNav {
  record Item(String path, String label, boolean current) {}

  private record Page(String path, String key, String[] roles) {}

  private static final List<Page> PAGES =
      List.of(
          new Page("/console/activation", "nav.activation", ConsoleSecurity.ACTIVATION_READERS),
          new Page(
              "/console/applications", "nav.applications", ConsoleSecurity.APPLICATION_READERS),
          new Page("/console/alerts", "nav.alerts", ConsoleSecurity.ALERT_READERS),
          new Page("/console/inquiries", "nav.inquiries", ConsoleSecurity.INQUIRY_READERS),
          new Page("/console/facilities", "nav.facilities", ConsoleSecurity.HISTORY_READERS),
          new Page("/console/monitoring", "nav.monitoring", ConsoleSecurity.MONITORING_READERS));

  private final MessageSource messages;

  ConsoleNav(MessageSource messages) {
    this.messages = messages;
  }

  @ModelAttribute("nav")
  List<Item> nav(HttpServletRequest request, Locale locale) {
    Set<String> roles = roles();
    ConsoleText text = new ConsoleText(messages, locale);
    return PAGES.stream()
        .filter(p -> Arrays.stream(p.roles()).anyMatch(roles::contains))
        .map(
            p ->
                new Item(p.path(), text.get(p.key()), request.getRequestURI().startsWith(p.path())))
        .toList();
  }

  /**
   * The page being read, with {@code lang} set to the other language. The 403 page is a forward, so
   * it links to the page that was refused; a refused POST has no page to show again, so it links to
   * the start page.
   */
  @ModelAttribute("languageSwitch")
  String languageSwitch(HttpServletRequest request, Locale locale) {
    String other = new ConsoleText(messages, locale).get("lang.switch.code");
    String path = (String) request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
    String query = (String) request.getAttribute(RequestDispatcher.FORWARD_QUERY_STRING);
    if (path == null) {
      path = request.getRequestURI();
      query = request.getQueryString();
    }
    if (!"GET".equals(request.getMethod())) {
      path = request.getContextPath() + "/console";
      query = null;
    }
    // The path and query stay as the browser sent them, still encoded.
    return UriComponentsBuilder.fromPath(path)
        .query(query)
        .replaceQueryParam(ConsoleLanguage.PARAMETER, other)
        .build()
        .toUriString();
  }

  @ModelAttribute("accountName")
  String accountName() {
    Authentication who = SecurityContextHolder.getContext().getAuthentication();
    return who == null || roles().isEmpty() ? null : who.getName();
  }

  @ModelAttribute("accountRole")
  String accountRole() {
    return roles().stream().sorted().findFirst().orElse(null);
  }

  private static Set<String> roles() {
    Authentication who = SecurityContextHolder.getContext().getAuthentication();
    if (who == null || !who.isAuthenticated()) {
      return Set.of();
    }
    return who.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith("ROLE_"))
        .map(a -> a.substring("ROLE_".length()))
        .collect(Collectors.toSet());
  }
}
