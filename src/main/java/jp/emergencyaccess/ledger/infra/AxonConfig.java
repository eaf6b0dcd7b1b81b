package jp.emergencyaccess.ledger.infra;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
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
}
