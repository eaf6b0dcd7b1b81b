package jp.emergencyaccess.ledger.monitoring;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The metrics processor: a tracking processor that starts at the head on its first run. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StreamProperties.class)
class StreamConfig {
  @Bean
  ConfigurerModule metricsProcessor() {
    return configurer ->
        configurer.eventProcessing(
            processing ->
                processing
                    .registerTrackingEventProcessor(ViewMetrics.GROUP)
                    .registerTrackingEventProcessorConfiguration(
                        ViewMetrics.GROUP,
                        c ->
                            TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(100)
                                .andInitialTrackingToken(
                                    StreamableMessageSource::createHeadToken)));
  }
}
