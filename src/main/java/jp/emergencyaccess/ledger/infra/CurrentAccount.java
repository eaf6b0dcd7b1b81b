package jp.emergencyaccess.ledger.infra;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The account of the current request, and the rule that a facility acts only for itself. */
public final class CurrentAccount {
  private CurrentAccount() {}

  public static LedgerAccount get() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth == null || !(auth.getPrincipal() instanceof LedgerAccount account)) {
      throw new AccessDeniedException("not signed in");
    }
    return account;
  }

  /** A FACILITY account may touch only its own facility code; other roles pass. */
  public static void requireOwnFacility(String facilityCode) {
    LedgerAccount account = get();
    if (account.role() == Role.FACILITY && !account.facilityCode().equals(facilityCode)) {
      throw new AccessDeniedException(
          "account "
              + account.getUsername()
              + " may act only for facility "
              + account.facilityCode());
    }
  }

  public static String name() {
    return get().getUsername();
  }
}
