package jp.emergencyaccess.ledger.infra;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;

/**
 * The ledger account a verified token stands for: its role from the role claim, a FACILITY's code
 * from the facility-code claim, its name from the name claim. Every access rule and every own-
 * facility check then works on the {@link LedgerAccount} exactly as with Basic. A token that names
 * no ledger role, several of them, or a FACILITY without its code is refused as an invalid token
 * (401): it cannot be turned into an account, so its bearer is not signed in as anyone.
 */
final class TokenAccounts implements Converter<Jwt, AbstractAuthenticationToken> {
  private final AuthProperties.Jwt settings;

  TokenAccounts(AuthProperties.Jwt settings) {
    this.settings = settings;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    Role role = role(jwt);
    String facilityCode = null;
    if (role == Role.FACILITY) {
      if (!(claim(jwt, settings.getFacilityCodeClaim()) instanceof String code) || code.isBlank()) {
        throw refused(
            "a FACILITY token must name its facility code in claim "
                + settings.getFacilityCodeClaim());
      }
      facilityCode = code;
    }
    if (!(claim(jwt, settings.getNameClaim()) instanceof String name) || name.isBlank()) {
      throw refused("the token has no " + settings.getNameClaim() + " claim to name its account");
    }
    // The password is never checked: the token was.
    return new SignedInWithToken(new LedgerAccount(name, "", role, facilityCode), jwt);
  }

  private Role role(Jwt jwt) {
    List<Role> roles = new ArrayList<>();
    for (String value : values(claim(jwt, settings.getRoleClaim()))) {
      for (Role role : Role.values()) {
        if (role.name().equals(value) && !roles.contains(role)) {
          roles.add(role);
        }
      }
    }
    if (roles.size() != 1) {
      throw refused(
          "the token must name exactly one ledger role in claim "
              + settings.getRoleClaim()
              + (roles.isEmpty() ? "; it names none" : "; it names " + roles));
    }
    return roles.get(0);
  }

  /** A claim by its name, or by a dotted path into nested objects (realm_access.roles). */
  private static Object claim(Jwt jwt, String path) {
    Object value = jwt.getClaims();
    for (String part : path.split("\\.")) {
      if (!(value instanceof Map<?, ?> map)) {
        return null;
      }
      value = map.get(part);
    }
    return value;
  }

  /** A role claim may be one string (space-separated, as OAuth scopes are) or an array. */
  private static List<String> values(Object claim) {
    if (claim instanceof String s) {
      return List.of(s.trim().split("\\s+"));
    }
    if (claim instanceof Collection<?> c) {
      return c.stream().filter(String.class::isInstance).map(String.class::cast).toList();
    }
    return List.of();
  }

  private static OAuth2AuthenticationException refused(String description) {
    return new OAuth2AuthenticationException(BearerTokenErrors.invalidToken(description));
  }

  /** The account a bearer token signed in, with the token as its credentials. */
  static final class SignedInWithToken extends AbstractAuthenticationToken {
    private final LedgerAccount account;
    private final Jwt token;

    SignedInWithToken(LedgerAccount account, Jwt token) {
      super(account.getAuthorities());
      this.account = account;
      this.token = token;
      setAuthenticated(true);
    }

    @Override
    public Object getPrincipal() {
      return account;
    }

    @Override
    public Object getCredentials() {
      return token;
    }

    @Override
    public String getName() {
      return account.getUsername();
    }
  }
}
