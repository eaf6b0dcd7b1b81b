package jp.emergencyaccess.ledger.common;

/**
 * The port through which a feature learns who makes the current request (the signed-in account's
 * name and role), for what it records about the request; how accounts sign in is infrastructure's.
 */
public interface RequestingAccount {
  /** The current request's account; refused (access denied) when no account is signed in. */
  Who current();

  record Who(String name, String role) {}
}
