package jp.emergencyaccess.ledger.consent;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.TextRules;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Turns a patient identifier into its pseudonym: {@code patientRef} = the first 32 hex characters
 * of HMAC-SHA256(server key, patientId). The identifier itself is never stored, logged or returned;
 * validation messages about it never repeat it.
 */
@Component
public class Pseudonyms {
  public static final int MAX_PATIENT_ID = 64;
  private final SecretKeySpec key;
  private final ThreadLocal<Mac> macs;

  @Autowired
  public Pseudonyms(Environment environment) {
    this(PseudonymKey.resolve(environment));
  }

  public Pseudonyms(byte[] key) {
    this.key = new SecretKeySpec(key, "HmacSHA256");
    this.macs = ThreadLocal.withInitial(this::newMac);
  }

  /** The pseudonym of a patient identifier, after checking its shape (field {@code patientId}). */
  public String refOf(String patientId) {
    if (patientId == null || patientId.isBlank()) {
      throw new InvalidField("patientId", "must not be empty");
    }
    if (patientId.length() > MAX_PATIENT_ID) {
      throw new InvalidField("patientId", "must be at most " + MAX_PATIENT_ID + " characters");
    }
    TextRules.line("patientId", patientId);
    byte[] digest = macs.get().doFinal(patientId.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest, 0, 16);
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
