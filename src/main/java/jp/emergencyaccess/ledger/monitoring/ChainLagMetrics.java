package jp.emergencyaccess.ledger.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jp.emergencyaccess.ledger.integrity.ChainEntry;
import jp.emergencyaccess.ledger.integrity.ChainTable;
import jp.emergencyaccess.ledger.integrity.StoredEvents;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * How far the integrity chain trails the store, so that a chainer falling behind raises an alert:
 * {@code ledger_integrity_unchained_events}, the positions above the chain's head up to the
 * store's, read at the scrape (two reads by primary key). The same on every node: the chain and the
 * store are shared.
 */
@Component
class ChainLagMetrics {
  private final StoredEvents events;
  private final ChainTable chain;
  private final MeterRegistry meters;

  ChainLagMetrics(StoredEvents events, ChainTable chain, MeterRegistry meters) {
    this.events = events;
    this.chain = chain;
    this.meters = meters;
  }

  @EventListener(ApplicationReadyEvent.class)
  void registerGauge() {
    Gauge.builder("ledger.integrity.unchained.events", this, ChainLagMetrics::unchained)
        .description("stored events above the integrity chain's head")
        .register(meters);
  }

  double unchained() {
    long head = chain.head().map(ChainEntry::position).orElse(events.firstPosition() - 1);
    return Math.max(0, events.highestPosition() - head);
  }
}
