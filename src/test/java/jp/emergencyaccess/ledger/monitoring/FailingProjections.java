package jp.emergencyaccess.ledger.monitoring;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Two read models that fail on every event they are handed, one behind a tracking processor and one
 * behind a pooled one ({@link FailingProcessorHealthOnH2Test} names their modes): every batch fails
 * and is retried, and nothing is ever written.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("test.processors.fail-every-batch")
class FailingProjections {
  static final String TRACKING = "failing-tracking";
  static final String POOLED = "failing-pooled";

  /** A healthy read model whose tracking processor has two segments and one thread. */
  static final String HALF_CLAIMED = "half-claimed";

  @Bean
  Tracking failingTracking() {
    return new Tracking();
  }

  @Bean
  Pooled failingPooled() {
    return new Pooled();
  }

  @Bean
  HalfClaimed halfClaimed() {
    return new HalfClaimed();
  }

  @ProcessingGroup(HALF_CLAIMED)
  static class HalfClaimed {
    @EventHandler
    void on(Object event) {
      // handles every event without writing anything
    }
  }

  @ProcessingGroup(TRACKING)
  static class Tracking {
    @EventHandler
    void on(Object event) {
      throw new IllegalStateException("this read model fails on every event");
    }
  }

  @ProcessingGroup(POOLED)
  static class Pooled {
    @EventHandler
    void on(Object event) {
      throw new IllegalStateException("this read model fails on every event");
    }
  }
}
