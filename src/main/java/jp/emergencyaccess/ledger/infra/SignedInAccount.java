package jp.emergencyaccess.ledger.infra;

import jp.emergencyaccess.ledger.common.RequestingAccount;
import org.springframework.stereotype.Component;

/**
 * {@link RequestingAccount} from the request's Spring Security context ({@link CurrentAccount}).
 */
@Component
class SignedInAccount implements RequestingAccount {
  @Override
  public Who current() {
    LedgerAccount account = CurrentAccount.get();
    return new Who(account.getUsername(), account.role().name());
  }
}
