package jp.emergencyaccess.ledger.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.integrity.ChainProof;
import jp.emergencyaccess.ledger.integrity.ChainProofs;
import jp.emergencyaccess.ledger.integrity.ChainVerifier;
import jp.emergencyaccess.ledger.integrity.Checkpoint;
import jp.emergencyaccess.ledger.integrity.CheckpointTable;
import jp.emergencyaccess.ledger.integrity.SigningKey;
import jp.emergencyaccess.ledger.integrity.Verification;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Tamper evidence over HTTP (SPEC §8, docs/integrity.md). */
@RestController
@RequestMapping("/api/integrity")
class IntegrityController {
  private static final int MAX_CHECKPOINTS = 1000;
  private static final int MAX_WAIT_SECONDS = 60;
  private final ChainVerifier verifier;
  private final ChainProofs proofs;
  private final CheckpointTable checkpoints;
  private final SigningKey key;

  IntegrityController(
      ChainVerifier verifier, ChainProofs proofs, CheckpointTable checkpoints, SigningKey key) {
    this.verifier = verifier;
    this.proofs = proofs;
    this.checkpoints = checkpoints;
    this.key = key;
  }

  /** {@code signedAtEpochMillis} is the form that the signed message holds. */
  record CheckpointAnswer(
      long position,
      String hash,
      OffsetDateTime signedAt,
      long signedAtEpochMillis,
      String keyId,
      String signature) {
    static CheckpointAnswer of(Checkpoint c) {
      return new CheckpointAnswer(
          c.position(),
          c.hash(),
          JapanTime.render(c.signedAt()),
          c.signedAt().toEpochMilli(),
          c.keyId(),
          c.signature());
    }
  }

  record ProofAnswer(
      long position,
      String document,
      boolean storedEventMatches,
      String previousHash,
      List<ChainProof.Link> links,
      CheckpointAnswer checkpoint,
      String signedMessage,
      String algorithm) {}

  @Operation(summary = "Verify the hash chain over a range of event positions")
  @GetMapping("/verify")
  Verification verify(
      @RequestParam(required = false) Long from,
      @RequestParam(required = false) Long to,
      @RequestParam(required = false) Integer waitSeconds) {
    if (from != null && to != null && to < from) {
      throw new InvalidField("to", "must not be before from");
    }
    if (waitSeconds != null) {
      if (waitSeconds < 0 || waitSeconds > MAX_WAIT_SECONDS) {
        throw new InvalidField("waitSeconds", "must be 0 to " + MAX_WAIT_SECONDS);
      }
      verifier.awaitChained(to, Duration.ofSeconds(waitSeconds));
    }
    return verifier.verify(from, to);
  }

  /** Oldest first; {@code after} pages on (at most 1000 per answer). */
  @Operation(summary = "Signed checkpoints of the hash chain")
  @GetMapping("/checkpoints")
  List<CheckpointAnswer> checkpoints(@RequestParam(required = false) Long after) {
    long from = after == null ? Long.MIN_VALUE : after + 1;
    return checkpoints.range(from, Long.MAX_VALUE, MAX_CHECKPOINTS).stream()
        .map(CheckpointAnswer::of)
        .toList();
  }

  @Operation(summary = "The checkpoint signing key (Ed25519, X.509 SubjectPublicKeyInfo PEM)")
  @ApiResponse(
      responseCode = "200",
      description = "The public key, PEM",
      content = @Content(mediaType = "application/x-pem-file", schema = @Schema(type = "string")))
  @GetMapping("/public-key")
  ResponseEntity<String> publicKey() {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/x-pem-file"))
        .body(key.publicKeyPem());
  }

  @Operation(summary = "What links one event to the nearest later signed checkpoint")
  @GetMapping("/proof/{position}")
  ProofAnswer proof(@PathVariable long position) {
    ChainProof p = proofs.of(position);
    return new ProofAnswer(
        p.position(),
        p.document(),
        p.storedEventMatches(),
        p.previousHash(),
        p.links(),
        CheckpointAnswer.of(p.checkpoint()),
        p.signedMessage(),
        "digest = SHA-256(UTF-8(document)); hash(p) = SHA-256(hash(p-1) || int64be(p) ||"
            + " int32be(len(type)) || UTF-8(type) || digest); signature = Ed25519 over"
            + " UTF-8(signedMessage); see docs/integrity.md");
  }
}
