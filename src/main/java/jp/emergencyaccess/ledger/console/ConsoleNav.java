package jp.emergencyaccess.ledger.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The navigation of every console page: only the pages the signed-in account's role may open (the
 * same role lists as {@link ConsoleSecurity}), the current one marked.
 */
@ControllerAdvice(basePackageClasses = ConsoleNav.class)
class ConsoleNav {
  record Item(String path, String label, boolean current) {}

  private record Page(String path, String label, String[] roles) {}

  private static final List<Page> PAGES =
      List.of(
          new Page("/console/activation", "活性化の状況", ConsoleSecurity.ACTIVATION_READERS),
          new Page("/console/applications", "申出", ConsoleSecurity.APPLICATION_READERS),
          new Page("/console/alerts", "アラート", ConsoleSecurity.ALERT_READERS),
          new Page("/console/inquiries", "事案", ConsoleSecurity.INQUIRY_READERS),
          new Page("/console/facilities", "施設の照会履歴", ConsoleSecurity.HISTORY_READERS),
          new Page("/console/monitoring", "監視", ConsoleSecurity.MONITORING_READERS));

  @ModelAttribute("nav")
  List<Item> nav(HttpServletRequest request) {
    Set<String> roles = roles();
    return PAGES.stream()
        .filter(p -> Arrays.stream(p.roles()).anyMatch(roles::contains))
        .map(p -> new Item(p.path(), p.label(), request.getRequestURI().startsWith(p.path())))
        .toList();
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
