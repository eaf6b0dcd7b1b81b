package jp.emergencyaccess.ledger.infra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A streaming processor's segments as the whole cluster holds them, read from the shared token
 * store: every segment, those this node claims, those claimed by no live node (Axon's own judgement
 * of a claim, owner and claim timeout: {@link TokenStore#fetchAvailableSegments}, less this node's
 * own), and the position each segment's stored token has reached. A node that holds no segment of a
 * processor other nodes hold is in order; a segment nobody holds is not (after a node died, until
 * another takes it over within the claim timeout).
 */
@Component
public class SegmentClaims {
  private final TokenStore tokens;
  private final JdbcTemplate jdbc;

  SegmentClaims(TokenStore tokens, JdbcTemplate jdbc) {
    this.tokens = tokens;
    this.jdbc = jdbc;
  }

  /**
   * One processor's segments. {@code positions}: each segment's stored position (empty for a
   * segment whose token has no position yet); {@code replaying}: a segment's token is a replay's.
   */
  public record Claims(
      List<Integer> segments,
      List<Integer> here,
      List<Integer> unclaimed,
      Map<Integer, OptionalLong> positions,
      boolean replaying) {

    public List<Integer> elsewhere() {
      List<Integer> elsewhere = new ArrayList<>(segments);
      elsewhere.removeAll(here);
      elsewhere.removeAll(unclaimed);
      return elsewhere;
    }

    /** The lowest position over every segment of the cluster; empty while one has none. */
    public OptionalLong lowest() {
      if (segments.isEmpty()) {
        return OptionalLong.empty();
      }
      long lowest = Long.MAX_VALUE;
      for (int segment : segments) {
        OptionalLong position = positions.getOrDefault(segment, OptionalLong.empty());
        if (position.isEmpty()) {
          return OptionalLong.empty();
        }
        lowest = Math.min(lowest, position.getAsLong());
      }
      return OptionalLong.of(lowest);
    }
  }

  /**
   * Reads the token store; throws when it cannot be read (the database is unavailable), which the
   * callers answer as such.
   */
  public Claims of(StreamingEventProcessor processor) {
    String name = processor.getName();
    Map<Integer, EventTrackerStatus> local = processor.processingStatus();
    Set<Integer> segments = new TreeSet<>();
    for (int segment : tokens.fetchSegments(name)) {
      segments.add(segment);
    }
    Set<Integer> here = new TreeSet<>(local.keySet());
    here.retainAll(segments);
    Set<Integer> unclaimed = new TreeSet<>();
    for (Segment available : tokens.fetchAvailableSegments(name)) {
      unclaimed.add(available.getSegmentId());
    }
    // Axon counts this node's own claims as available to it.
    unclaimed.removeAll(here);
    Map<Integer, OptionalLong> positions = new TreeMap<>();
    boolean replaying = local.values().stream().anyMatch(EventTrackerStatus::isReplaying);
    for (Map.Entry<Integer, TrackingToken> stored : storedTokens(name).entrySet()) {
      TrackingToken token = stored.getValue();
      positions.put(stored.getKey(), token == null ? OptionalLong.empty() : token.position());
      replaying |= ReplayToken.isReplay(token);
    }
    // A segment this node processes is further on than its last stored token by at most a batch.
    local.forEach(
        (segment, status) -> {
          if (status.getCurrentPosition().isPresent()) {
            positions.put(segment, status.getCurrentPosition());
          }
        });
    return new Claims(
        List.copyOf(segments), List.copyOf(here), List.copyOf(unclaimed), positions, replaying);
  }

  /**
   * The tokens as stored, read without claiming them (Axon's token store only hands a token out
   * with its claim). Only Axon's JDBC token store's table is known; elsewhere, no positions.
   */
  private Map<Integer, TrackingToken> storedTokens(String processor) {
    Map<Integer, TrackingToken> found = new TreeMap<>();
    if (!(tokens instanceof JdbcTokenStore store)) {
      return found;
    }
    Serializer serializer = store.serializer();
    jdbc.query(
        "select segment, token, tokentype from tokenentry where processorname = ?",
        rs -> {
          byte[] token = rs.getBytes("token");
          String type = rs.getString("tokentype");
          found.put(
              rs.getInt("segment"),
              token == null || type == null
                  ? null
                  : serializer.deserialize(
                      new SimpleSerializedObject<>(token, byte[].class, type, null)));
        },
        processor);
    return found;
  }
}
