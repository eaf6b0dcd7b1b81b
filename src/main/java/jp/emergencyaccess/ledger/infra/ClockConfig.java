package jp.emergencyaccess.ledger.infra;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one place the ledger reads the wall clock; tests and the demo may replace it. */
@Configuration(proxyBeanMethods = false)
class ClockConfig {
  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }
}
