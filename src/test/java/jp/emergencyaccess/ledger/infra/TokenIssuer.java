package jp.emergencyaccess.ledger.infra;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * A stand-in identity provider for the bearer-token tests: an RSA key made in the test, its public
 * half served as a JWK set over real HTTP on the loopback address, and tokens signed with it.
 */
final class TokenIssuer implements AutoCloseable {
  static final String ISSUER = "https://idp.test/realms/ledger";
  static final String AUDIENCE = "emergency-access-ledger";

  private final RSAKey key;
  private final HttpServer server;

  TokenIssuer() {
    try {
      key = new RSAKeyGenerator(2048).keyID("ledger-test-key").generate();
      String jwks = new JWKSet(key.toPublicJWK()).toString();
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext(
          "/jwks",
          exchange -> {
            byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          });
      server.start();
    } catch (IOException | JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  String jwkSetUri() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
  }

  /** Claims of a current token for the ledger, with the given ledger role. */
  static JWTClaimsSet.Builder claims(String subject, Object role) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(AUDIENCE)
            .subject(subject)
            .jwtID(UUID.randomUUID().toString())
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now.minusSeconds(5)))
            .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
    return role == null ? claims : claims.claim("ledger_role", role);
  }

  static JWTClaimsSet.Builder facility(String subject, String facilityCode) {
    return claims(subject, "FACILITY").claim("facility_code", facilityCode);
  }

  String sign(JWTClaimsSet.Builder claims) {
    return sign(claims.build(), key);
  }

  /** Signed with a key the provider never published, under the published key's id. */
  String signWithAnotherKey(JWTClaimsSet.Builder claims) {
    try {
      RSAKey other = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
      return sign(claims.build(), other);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An unsigned token ({@code alg: none}). */
  static String unsigned(JWTClaimsSet.Builder claims) {
    return new PlainJWT(claims.build()).serialize();
  }

  private static String sign(JWTClaimsSet claims, RSAKey with) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .keyID(with.getKeyID())
                  .type(JOSEObjectType.JWT)
                  .build(),
              claims);
      jwt.sign(new RSASSASigner(with));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
