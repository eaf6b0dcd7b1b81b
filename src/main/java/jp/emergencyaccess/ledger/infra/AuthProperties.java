package jp.emergencyaccess.ledger.infra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How callers sign in: {@code ledger.auth.mode} {@code basic} (the configured accounts, the
 * embedded default) or {@code jwt} (bearer tokens of an identity provider, {@code
 * ledger.auth.jwt.*}; README, "Authentication").
 */
@ConfigurationProperties("ledger.auth")
public class AuthProperties {
  /** The two ways of signing in. */
  public enum Mode {
    BASIC,
    JWT
  }

  private Mode mode = Mode.BASIC;
  private final Jwt jwt = new Jwt();

  public Mode getMode() {
    return mode;
  }

  public void setMode(Mode mode) {
    this.mode = mode;
  }

  public Jwt getJwt() {
    return jwt;
  }

  /** The identity provider whose tokens the ledger accepts, and where its claims are. */
  public static class Jwt {
    private String issuerUri;
    private String jwkSetUri;
    private List<String> audiences = new ArrayList<>();
    private String roleClaim = "ledger_role";
    private String facilityCodeClaim = "facility_code";
    private String nameClaim = "sub";
    private Duration clockSkew = Duration.ofSeconds(30);
    private List<String> jwsAlgorithms = new ArrayList<>(List.of("RS256"));

    public String getIssuerUri() {
      return issuerUri;
    }

    public void setIssuerUri(String issuerUri) {
      this.issuerUri = issuerUri;
    }

    public String getJwkSetUri() {
      return jwkSetUri;
    }

    public void setJwkSetUri(String jwkSetUri) {
      this.jwkSetUri = jwkSetUri;
    }

    public List<String> getAudiences() {
      return audiences;
    }

    public void setAudiences(List<String> audiences) {
      this.audiences = audiences;
    }

    public String getRoleClaim() {
      return roleClaim;
    }

    public void setRoleClaim(String roleClaim) {
      this.roleClaim = roleClaim;
    }

    public String getFacilityCodeClaim() {
      return facilityCodeClaim;
    }

    public void setFacilityCodeClaim(String facilityCodeClaim) {
      this.facilityCodeClaim = facilityCodeClaim;
    }

    public String getNameClaim() {
      return nameClaim;
    }

    public void setNameClaim(String nameClaim) {
      this.nameClaim = nameClaim;
    }

    public List<String> getJwsAlgorithms() {
      return jwsAlgorithms;
    }

    public void setJwsAlgorithms(List<String> jwsAlgorithms) {
      this.jwsAlgorithms = jwsAlgorithms;
    }

    public Duration getClockSkew() {
      return clockSkew;
    }

    public void setClockSkew(Duration clockSkew) {
      this.clockSkew = clockSkew;
    }
  }
}
