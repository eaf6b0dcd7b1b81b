package jp.emergencyaccess.ledger.infra;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A signed-in account: its role and, for a facility, the one facility code it acts for. */
public class LedgerAccount extends User {
  private final Role role;
  private final String facilityCode;

  LedgerAccount(String name, String password, Role role, String facilityCode) {
    super(name, password, List.of(new SimpleGrantedAuthority(role.authority())));
    this.role = role;
    this.facilityCode = facilityCode;
  }

  public Role role() {
    return role;
  }

  public String facilityCode() {
    return facilityCode;
  }

  @Override
  public boolean equals(Object other) {
    return super.equals(other);
  }

  @Override
  public int hashCode() {
    return super.hashCode();
  }
}
