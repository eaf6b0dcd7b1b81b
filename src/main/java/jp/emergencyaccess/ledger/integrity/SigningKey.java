package jp.emergencyaccess.ledger.integrity;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The Ed25519 key that signs checkpoints. Configured as PKCS#8 only; the public half is derived
 * from the private seed (JDK 17 has no API for that, so the JDK's own generator is fed the seed).
 */
public final class SigningKey {
  private final PrivateKey privateKey;
  private final PublicKey publicKey;

  private SigningKey(PrivateKey privateKey, PublicKey publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  public static SigningKey generate() {
    try {
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      return new SigningKey(pair.getPrivate(), pair.getPublic());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 is missing from this Java runtime", e);
    }
  }

  /** From PKCS#8 DER bytes. */
  public static SigningKey fromPkcs8(byte[] der) {
    try {
      PrivateKey key =
          KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
      byte[] seed =
          ((EdECPrivateKey) key)
              .getBytes()
              .orElseThrow(() -> new IllegalArgumentException("the key has no private bytes"));
      KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
      generator.initialize(NamedParameterSpec.ED25519, new SeedOnce(seed));
      KeyPair pair = generator.generateKeyPair();
      SigningKey signing = new SigningKey(key, pair.getPublic());
      signing.selfCheck();
      return signing;
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new IllegalArgumentException("not an Ed25519 PKCS#8 private key", e);
    }
  }

  /** From PEM text ("BEGIN PRIVATE KEY") or bare base64 of the DER. */
  public static SigningKey fromText(String text) {
    return fromPkcs8(Pem.decode(text, "PRIVATE KEY"));
  }

  public static PublicKey publicKeyFromPem(String pem) {
    try {
      return KeyFactory.getInstance("Ed25519")
          .generatePublic(new X509EncodedKeySpec(Pem.decode(pem, "PUBLIC KEY")));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("not an Ed25519 public key", e);
    }
  }

  public byte[] sign(byte[] message) {
    try {
      Signature signature = Signature.getInstance("Ed25519");
      signature.initSign(privateKey);
      signature.update(message);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not sign a checkpoint", e);
    }
  }

  public static boolean verifies(PublicKey key, byte[] message, byte[] signatureBytes) {
    try {
      Signature signature = Signature.getInstance("Ed25519");
      signature.initVerify(key);
      signature.update(message);
      return signature.verify(signatureBytes);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  public PublicKey publicKey() {
    return publicKey;
  }

  public String privateKeyPem() {
    return Pem.encode("PRIVATE KEY", privateKey.getEncoded());
  }

  public String publicKeyPem() {
    return Pem.encode("PUBLIC KEY", publicKey.getEncoded());
  }

  /** The first 16 hex digits of SHA-256 over the public key's X.509 encoding. */
  public String keyId() {
    return keyId(publicKey);
  }

  public static String keyId(PublicKey key) {
    return ChainHash.hex(ChainHash.sha256(key.getEncoded())).substring(0, 16);
  }

  private void selfCheck() {
    byte[] probe =
        "ledger signing key self-check".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    if (!verifies(publicKey, probe, sign(probe))) {
      throw new IllegalStateException("the derived public key does not match the private key");
    }
  }

  /** Hands the generator the configured seed instead of fresh randomness, exactly once. */
  private static final class SeedOnce extends SecureRandom {
    private byte[] seed;

    SeedOnce(byte[] seed) {
      this.seed = seed.clone();
    }

    @Override
    public void nextBytes(byte[] bytes) {
      if (seed == null || bytes.length != seed.length) {
        throw new IllegalStateException("the key generator asked for unexpected randomness");
      }
      System.arraycopy(seed, 0, bytes, 0, bytes.length);
      seed = null;
    }
  }

  /** PEM armour (RFC 7468) around DER bytes. */
  static final class Pem {
    private Pem() {}

    static String encode(String label, byte[] der) {
      String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
      return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    static byte[] decode(String text, String label) {
      String body =
          text.replace("-----BEGIN " + label + "-----", "")
              .replace("-----END " + label + "-----", "")
              .replaceAll("\\s", "");
      return Base64.getDecoder().decode(body);
    }
  }
}
