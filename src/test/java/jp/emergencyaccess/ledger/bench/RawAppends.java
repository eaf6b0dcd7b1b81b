package jp.emergencyaccess.ledger.bench;

import java.time.Instant;
import java.util.UUID;

/**
 * (2) The store alone: Axon's storage engine appending the same {@code MedicalInfoViewed} events as
 * the decisions record, one per transaction from the client threads, without command handling.
 */
final class RawAppends {
  private final ViewSetup world;
  private final ClientThreads clients;
  private final int appends;

  RawAppends(ViewSetup world, ClientThreads clients, int appends) {
    this.world = world;
    this.clients = clients;
    this.appends = appends;
  }

  /** {@code appends} events for the client's facility; returns events per second. */
  double perSecond(ViewSetup.Client client) throws Exception {
    String patientRef = world.patientRef(client);
    Instant at = Instant.parse("2024-02-20T01:00:00Z");
    String run = UUID.randomUUID().toString().substring(0, 8);
    return clients.run(
        appends,
        i -> world.appendOne(client, patientRef, "raw-" + run + "-" + i, at.plusMillis(i)));
  }
}
