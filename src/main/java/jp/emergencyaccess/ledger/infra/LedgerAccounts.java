package jp.emergencyaccess.ledger.infra;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** The accounts the ledger knows, fixed at start-up; refuses to start with none. */
class LedgerAccounts implements UserDetailsService {
  private final Map<String, LedgerAccount> byName = new LinkedHashMap<>();

  LedgerAccounts(LedgerAccountProperties properties) {
    if (properties.isDevAccounts()) {
      for (Role role : new Role[] {Role.MHLW, Role.FUND, Role.MONITOR, Role.PORTAL}) {
        String name = role.name().toLowerCase();
        byName.put(name, new LedgerAccount(name, "{noop}" + name, role, null));
      }
    }
    properties.getAccounts().forEach((name, account) -> byName.put(name, toAccount(name, account)));
    if (byName.isEmpty()) {
      throw new IllegalStateException(
          "no accounts are configured: set ledger.accounts.<name>.password and .role"
              + " (dev accounts exist only in the embedded default)");
    }
  }

  private static LedgerAccount toAccount(String name, LedgerAccountProperties.Account account) {
    if (account.getPassword() == null || !account.getPassword().startsWith("{")) {
      throw new IllegalStateException(
          "ledger.accounts." + name + ".password must be in {bcrypt}… or {noop}… form");
    }
    if (account.getRole() == null) {
      throw new IllegalStateException("ledger.accounts." + name + ".role is required");
    }
    boolean facility = account.getRole() == Role.FACILITY;
    if (facility != (account.getFacilityCode() != null)) {
      throw new IllegalStateException(
          "ledger.accounts." + name + ".facility-code is required for FACILITY and only for it");
    }
    return new LedgerAccount(
        name, account.getPassword(), account.getRole(), account.getFacilityCode());
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    LedgerAccount account = byName.get(username);
    if (account == null) {
      throw new UsernameNotFoundException("unknown account");
    }
    // A fresh copy each time: Spring Security erases credentials after authentication.
    return new LedgerAccount(
        account.getUsername(), account.getPassword(), account.role(), account.facilityCode());
  }
}
