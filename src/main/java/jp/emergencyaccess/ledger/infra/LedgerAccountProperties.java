package jp.emergencyaccess.ledger.infra;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Accounts from configuration: {@code ledger.accounts.<name>.password} ({bcrypt}/{noop} form),
 * {@code .role} and {@code .facility-code}. The dev accounts mhlw/fund/monitor/portal exist only
 * while {@code ledger.dev-accounts} is true (the embedded default).
 */
@ConfigurationProperties("ledger")
public class LedgerAccountProperties {
  private Map<String, Account> accounts = new LinkedHashMap<>();
  private boolean devAccounts;

  public Map<String, Account> getAccounts() {
    return accounts;
  }

  public void setAccounts(Map<String, Account> accounts) {
    this.accounts = accounts;
  }

  public boolean isDevAccounts() {
    return devAccounts;
  }

  public void setDevAccounts(boolean devAccounts) {
    this.devAccounts = devAccounts;
  }

  public static class Account {
    private String password;
    private Role role;
    private String facilityCode;

    public String getPassword() {
      return password;
    }

    public void setPassword(String password) {
      this.password = password;
    }

    public Role getRole() {
      return role;
    }

    public void setRole(Role role) {
      this.role = role;
    }

    public String getFacilityCode() {
      return facilityCode;
    }

    public void setFacilityCode(String facilityCode) {
      this.facilityCode = facilityCode;
    }
  }
}
