package jp.emergencyaccess.ledger.infra;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
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

  /**
   * The stored format of events: ISO-8601 text for every date and instant (instants read by {@link
   * StoredInstantDeserializer}), unknown fields fail.
   */
  static ObjectMapper storedFormat() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .registerModule(
            new SimpleModule("stored-instants")
                .addDeserializer(Instant.class, new StoredInstantDeserializer()))
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
   * No Axon per-message metrics for the event processors. The subscribing ones run inside every
   * command's transaction and timed every event of the command, even the many they ignore: 14 % of
   * a decision's command handling (docs/performance.md, section 3). The tracking ones (the access
   * history, the view metrics) looked up a timer and counters by payload type for every event: 10 %
   * of the access history's thread while it replays (section 14). Their progress is in {@code
   * ledger_processor_lag_events} and the health (docs/stream.md); the command bus and event store
   * keep Axon's metrics.
   */
  @Bean
  ConfigurerModule noMetricsForEventProcessors() {
    return configurer ->
        configurer
            .configureMessageMonitor(
                SubscribingEventProcessor.class,
                (config, type, name) -> NoOpMessageMonitor.INSTANCE)
            .configureMessageMonitor(
                TrackingEventProcessor.class, (config, type, name) -> NoOpMessageMonitor.INSTANCE);
  }
}
