package jp.emergencyaccess.ledger.history;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The access-history processor on any number of nodes. It is Axon's pooled streaming processor
 * ({@code axon.eventhandling.processors.access-history}: {@code mode: pooled}, its segments, worker
 * threads and batch size), whose segments are claimed in the JDBC token store: each node's
 * coordinator claims the segments no live claim holds, a work package per segment handles that
 * segment's events in batches, and the segments of a node that stops extending its claims are
 * claimed by another node once the claim timed out ({@code axon.eventhandling.tokenstore
 * .claim-timeout}; docs/investigations.md gives the bound).
 *
 * <p>The events are partitioned by facility ({@link ByFacility}): all of one facility's view events
 * fall into one segment, in the store's order, so the facility's rows, counts and flags have one
 * writer at a time while the segments of other facilities are written in parallel. The flags are
 * judged from the committed rows alone ({@link RepeatFlags}), so a segment taken over by another
 * node goes on exactly where its token stands.
 */
@Configuration(proxyBeanMethods = false)
class HistoryProcessing {
  @Bean
  ConfigurerModule historyPartitionedByFacility() {
    return configurer ->
        configurer.eventProcessing(
            processing ->
                processing.registerSequencingPolicy(AccessHistory.GROUP, c -> ByFacility.INSTANCE));
  }
}
