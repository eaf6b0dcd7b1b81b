package jp.emergencyaccess.ledger.integrity;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import jp.emergencyaccess.ledger.common.NotFound;

/** Builds the proof that links one chained event to the nearest later signed checkpoint. */
public class ChainProofs {
  private final StoredEvents events;
  private final ChainTable chain;
  private final CheckpointTable checkpoints;

  public ChainProofs(StoredEvents events, ChainTable chain, CheckpointTable checkpoints) {
    this.events = events;
    this.chain = chain;
    this.checkpoints = checkpoints;
  }

  public ChainProof of(long position) {
    ChainEntry entry =
        chain
            .at(position)
            .filter(e -> e.kind() == ChainEntry.Kind.EVENT)
            .orElseThrow(() -> new NotFound("no event is chained at position " + position));
    Checkpoint checkpoint =
        checkpoints
            .coveringOrAfter(position)
            .orElseThrow(
                () ->
                    new NotFound(
                        "position "
                            + position
                            + " is chained but no signed checkpoint covers it yet; ask again after"
                            + " the next checkpoint"));
    String previous =
        chain.before(position).map(ChainEntry::hash).orElse(ChainHash.hex(ChainHash.GENESIS));
    List<ChainProof.Link> links =
        chain.range(position, checkpoint.position(), Integer.MAX_VALUE).stream()
            .map(ChainProof.Link::of)
            .toList();
    Optional<StoredEvent> stored = events.range(position, position, 1).stream().findFirst();
    String document = stored.map(ChainHash::document).orElse(null);
    boolean matches =
        stored.map(e -> ChainHash.hex(ChainHash.digest(e)).equals(entry.digest())).orElse(false);
    return new ChainProof(
        position,
        document,
        matches,
        previous,
        links,
        checkpoint,
        new String(checkpoint.signedMessage(), StandardCharsets.UTF_8));
  }
}
