package jp.emergencyaccess.ledger.infra;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Axon wiring that must never change behind our back: one pinned Jackson mapper for every stored
 * payload, token and message, and errors in event handlers that propagate instead of being logged
 * and skipped (an audit ledger must not silently lose a projection row).
 */
@Configuration(proxyBeanMethods = false)
class AxonConfig {

  /** The stored format of events: ISO-8601 text for every date and instant, unknown fields fail. */
  static ObjectMapper storedFormat() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  private static Serializer jackson() {
    return JacksonSerializer.builder().objectMapper(storedFormat()).build();
  }

  @Bean
  @Primary
  Serializer serializer() {
    return jackson();
  }

  @Bean
  @Qualifier("eventSerializer")
  Serializer eventSerializer() {
    return jackson();
  }

  @Bean
  @Qualifier("messageSerializer")
  Serializer messageSerializer() {
    return jackson();
  }

  @Bean
  ConfigurerModule propagateHandlerErrors() {
    return configurer ->
        configurer.eventProcessing(
            processing ->
                processing.registerDefaultListenerInvocationErrorHandler(
                    c -> PropagatingErrorHandler.instance()));
  }

  /**
   * No Axon metrics for the subscribing processors. They run inside every command's transaction and
   * each of them timed every event of the command, even the many it ignores: a profile of the view
   * path found 14 % of a decision's command handling in those monitors (docs/performance.md). The
   * command bus, event store and tracking processors keep their metrics (docs/stream.md).
   */
  @Bean
  ConfigurerModule noMetricsForSubscribingProcessors() {
    return configurer ->
        configurer.configureMessageMonitor(
            SubscribingEventProcessor.class, (config, type, name) -> NoOpMessageMonitor.INSTANCE);
  }
}
