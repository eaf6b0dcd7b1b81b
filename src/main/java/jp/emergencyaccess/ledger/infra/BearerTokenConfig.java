package jp.emergencyaccess.ledger.infra;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * With {@code ledger.auth.mode=jwt} the ledger is an OAuth2 resource server: callers present an
 * identity provider's signed token instead of a password, and Basic is off. Tokens must be signed
 * by a key of the provider's JWK set, issued by {@code issuer-uri}, meant for one of {@code
 * audiences}, and current (exp required, nbf honoured). A refused token is answered 401
 * problem+json with the RFC 6750 challenge ({@code WWW-Authenticate: Bearer
 * error="invalid_token"}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ledger.auth.mode", havingValue = "jwt")
@EnableConfigurationProperties(AuthProperties.class)
class BearerTokenConfig {

  @Bean
  JwtDecoder ledgerJwtDecoder(AuthProperties properties, Clock clock) {
    AuthProperties.Jwt settings = properties.getJwt();
    String issuer = settings.getIssuerUri();
    if (issuer == null || issuer.isBlank()) {
      throw new IllegalStateException(
          "ledger.auth.mode=jwt needs ledger.auth.jwt.issuer-uri: the issuer whose tokens count");
    }
    if (settings.getAudiences().isEmpty()) {
      // A token the provider issued to another application must not open the ledger.
      throw new IllegalStateException(
          "ledger.auth.mode=jwt needs ledger.auth.jwt.audiences: the audience the tokens name");
    }
    OAuth2TokenValidator<Jwt> validator = validator(settings, clock);
    String jwkSetUri = settings.getJwkSetUri();
    if (jwkSetUri != null && !jwkSetUri.isBlank()) {
      NimbusJwtDecoder decoder = algorithms(NimbusJwtDecoder.withJwkSetUri(jwkSetUri), settings);
      decoder.setJwtValidator(validator);
      return decoder;
    }
    // The provider's metadata is read on first use, so the ledger starts while it is away.
    return new SupplierJwtDecoder(
        () -> {
          NimbusJwtDecoder decoder =
              algorithms(NimbusJwtDecoder.withIssuerLocation(issuer), settings);
          decoder.setJwtValidator(validator);
          return decoder;
        });
  }

  private static NimbusJwtDecoder algorithms(
      NimbusJwtDecoder.JwkSetUriJwtDecoderBuilder builder, AuthProperties.Jwt settings) {
    return builder
        .jwsAlgorithms(
            algorithms ->
                settings
                    .getJwsAlgorithms()
                    .forEach(a -> algorithms.add(SignatureAlgorithm.from(a))))
        .build();
  }

  static OAuth2TokenValidator<Jwt> validator(AuthProperties.Jwt settings, Clock clock) {
    JwtTimestampValidator timestamps = new JwtTimestampValidator(settings.getClockSkew());
    timestamps.setClock(clock);
    List<String> audiences = settings.getAudiences();
    return new DelegatingOAuth2TokenValidator<>(
        new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
        timestamps,
        new JwtIssuerValidator(settings.getIssuerUri()),
        new JwtClaimValidator<List<String>>(
            JwtClaimNames.AUD, aud -> aud != null && aud.stream().anyMatch(audiences::contains)));
  }

  @Bean
  BearerSignIn bearerSignIn(JwtDecoder decoder, AuthProperties properties, ObjectMapper json) {
    return new BearerSignIn(decoder, new TokenAccounts(properties.getJwt()), json);
  }

  /** What the security chain adds in jwt mode (applied by {@link SecurityConfig}). */
  static final class BearerSignIn {
    private final JwtDecoder decoder;
    private final TokenAccounts accounts;
    private final AuthenticationEntryPoint challenge;

    BearerSignIn(JwtDecoder decoder, TokenAccounts accounts, ObjectMapper json) {
      this.decoder = decoder;
      this.accounts = accounts;
      BearerTokenAuthenticationEntryPoint rfc6750 = new BearerTokenAuthenticationEntryPoint();
      rfc6750.setRealmName("ledger");
      this.challenge =
          (request, response, e) -> {
            rfc6750.commence(request, response, e);
            String detail =
                e instanceof OAuth2AuthenticationException refused
                        && refused.getError().getDescription() != null
                    ? "the bearer token was refused: " + refused.getError().getDescription()
                    : "a bearer token is required";
            SecurityConfig.write(json, response, HttpStatus.valueOf(response.getStatus()), detail);
          };
    }

    void apply(HttpSecurity http) throws Exception {
      http.httpBasic(basic -> basic.disable())
          .oauth2ResourceServer(
              server ->
                  server
                      .authenticationEntryPoint(challenge)
                      .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(accounts)))
          .exceptionHandling(ex -> ex.authenticationEntryPoint(challenge));
    }
  }
}
