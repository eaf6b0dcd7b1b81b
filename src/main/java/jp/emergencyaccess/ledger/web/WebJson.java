package jp.emergencyaccess.ledger.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Strict request JSON: unknown fields, duplicate keys, wrong types and coerced scalars ("5" for 5,
 * 5 for "5", 0 for an enum's first constant) are refused; dates, instants and text are read by
 * {@link RequestJson}; instants are written as ISO-8601 text. This is the mapper of Spring MVC
 * (requests and answers); the stored events have their own, pinned one (infra.AxonConfig).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InputDates.class)
class WebJson {
  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictJson(InputDates window) {
    return builder ->
        builder
            .deserializerByType(String.class, RequestJson.strings())
            .deserializerByType(LocalDate.class, RequestJson.dates(window))
            .deserializerByType(OffsetDateTime.class, RequestJson.offsetDateTimes(window))
            .deserializerByType(Instant.class, RequestJson.instants(window))
            .featuresToEnable(
                DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS,
                JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .featuresToDisable(
                SerializationFeature.WRITE_DATES_AS_TIMESTAMPS,
                DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE,
                DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .postConfigurer(
                mapper -> {
                  mapper.registerModule(RequestJson.exactEnums());
                  for (LogicalType type :
                      new LogicalType[] {
                        LogicalType.Textual, LogicalType.Boolean, LogicalType.Enum
                      }) {
                    mapper
                        .coercionConfigFor(type)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
                  }
                  mapper
                      .coercionConfigFor(LogicalType.Integer)
                      .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
                  mapper
                      .coercionConfigFor(LogicalType.Textual)
                      .setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsEmpty);
                });
  }
}
