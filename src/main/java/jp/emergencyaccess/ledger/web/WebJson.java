package jp.emergencyaccess.ledger.web;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Strict request JSON: unknown fields, wrong types and coerced scalars ("5" for 5, 5 for "5") are
 * refused; instants are written as ISO-8601 text.
 */
@Configuration(proxyBeanMethods = false)
class WebJson {
  @Bean
  Jackson2ObjectMapperBuilderCustomizer strictJson() {
    return builder ->
        builder
            .featuresToEnable(
                DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .featuresToDisable(
                SerializationFeature.WRITE_DATES_AS_TIMESTAMPS,
                DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE,
                DeserializationFeature.ACCEPT_FLOAT_AS_INT,
                MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .postConfigurer(
                mapper -> {
                  for (LogicalType type :
                      new LogicalType[] {LogicalType.Textual, LogicalType.Boolean}) {
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
