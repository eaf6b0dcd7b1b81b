package jp.emergencyaccess.ledger.console;

import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Whether the signed-in account holds one of the roles of a {@link ConsoleSecurity} list: a page
 * shows its forms to the roles whose POSTs that chain lets through, so the two never disagree.
 */
final class ConsoleRoles {
  private ConsoleRoles() {}

  /** The signed-in account's name, for the commands a page sends on its behalf. */
  static String name() {
    return SecurityContextHolder.getContext().getAuthentication().getName();
  }

  static boolean hasAny(String[] roles) {
    Authentication who = SecurityContextHolder.getContext().getAuthentication();
    if (who == null) {
      return false;
    }
    Set<String> wanted = Set.of(roles);
    return who.getAuthorities().stream()
        .map(a -> a.getAuthority())
        .anyMatch(a -> a.startsWith("ROLE_") && wanted.contains(a.substring("ROLE_".length())));
  }
}
