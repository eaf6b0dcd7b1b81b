package jp.emergencyaccess.ledger.integrity;

import java.util.List;

/**
 * What an outsider needs to check that the event at {@code position} is covered by a signed
 * checkpoint: the event's canonical {@code document} (its digest is SHA-256 of it), the hash before
 * it, every link from it up to the checkpoint, and the checkpoint with its signature. Recomputing
 * the links from {@code previousHash} must reach {@code checkpoint.hash}, and the signature must
 * verify over {@code checkpoint.signedMessage} with the published key.
 */
public record ChainProof(
    long position,
    String document,
    boolean storedEventMatches,
    String previousHash,
    List<Link> links,
    Checkpoint checkpoint,
    String signedMessage) {

  /** One chain entry's inputs and result; {@code type} is "" and digest zeros for a gap. */
  public record Link(long position, String kind, String type, String digest, String hash) {
    static Link of(ChainEntry e) {
      return new Link(e.position(), e.kind().name(), e.hashedType(), e.digest(), e.hash());
    }
  }
}
