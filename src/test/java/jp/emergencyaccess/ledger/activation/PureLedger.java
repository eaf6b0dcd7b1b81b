package jp.emergencyaccess.ledger.activation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.emergencyaccess.ledger.notice.NoticeDirectory;
import jp.emergencyaccess.ledger.notice.NoticeSummary;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * A fresh ledger without Spring or a database: the Region aggregate on Axon's in-memory event
 * store, its events turned into compact-history rows by the same code the real ledger uses.
 */
final class PureLedger implements AutoCloseable {
  static final String SERIES = "property";

  private final Configuration axon;
  private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
  private final Map<String, NoticeSummary> notices = new HashMap<>();

  PureLedger(int revisions) {
    for (int r = 1; r <= revisions; r++) {
      notices.put(
          noticeId(r),
          new NoticeSummary(
              noticeId(r), SERIES, r, LocalDate.of(2024, 1, 1), "r" + r, null, Instant.EPOCH));
    }
    NoticeDirectory directory =
        new NoticeDirectory() {
          public Optional<NoticeSummary> find(String id) {
            return Optional.ofNullable(notices.get(id));
          }

          public Optional<NoticeSummary> findRevision(String series, int revision) {
            return find(noticeId(revision));
          }

          public List<NoticeSummary> all() {
            return List.copyOf(notices.values());
          }
        };
    axon =
        // false: no modules from the class path, so no Axon Server connector; all in memory.
        DefaultConfigurer.defaultConfiguration(false)
            .configureSerializer(c -> JacksonSerializer.defaultSerializer())
            .configureEmbeddedEventStore(c -> storage)
            .configureAggregate(Region.class)
            .registerComponent(NoticeDirectory.class, c -> directory)
            .buildConfiguration();
    axon.start();
  }

  static String noticeId(int revision) {
    return "r-" + revision;
  }

  NoticeSummary notice(int revision) {
    return notices.get(noticeId(revision));
  }

  /** Sends the command; true when the ledger accepted it, false when a rule refused it. */
  boolean send(Object command) {
    try {
      axon.commandGateway().sendAndWait(command);
      return true;
    } catch (RuntimeException refused) {
      return false;
    }
  }

  /** The compact history rows, in recording order. */
  List<ActivationChange> changes() {
    List<ActivationChange> rows = new ArrayList<>();
    storage
        .readEvents(null, false)
        .forEach(
            message -> {
              Object e = message.getPayload();
              Instant recordedAt = message.getTimestamp();
              ActivationChange row = null;
              if (e instanceof RegionActivated a) {
                row = ActivationChanges.of(a, find(a.noticeId()), recordedAt);
              } else if (e instanceof RegionActivationExtended x) {
                row = ActivationChanges.of(x, find(x.noticeId()), recordedAt);
              } else if (e instanceof RegionActivationEnded x) {
                row = ActivationChanges.of(x, find(x.noticeId()), recordedAt);
              }
              if (row != null) {
                rows.add(ActivationChanges.withSeq(row, rows.size() + 1));
              }
            });
    return rows;
  }

  private NoticeSummary find(String noticeId) {
    return notices.get(noticeId);
  }

  @Override
  public void close() {
    axon.shutdown();
  }
}
