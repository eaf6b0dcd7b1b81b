package jp.emergencyaccess.ledger.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jp.emergencyaccess.ledger.integrity.Verification;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * {@code ledger_integrity_verifications_total{outcome}}: every verification answered over HTTP,
 * {@code ok} (intact and every event chained), {@code unchained} (intact, but events the chain has
 * not reached yet) or {@code broken} (a position no longer matches the chain), so that an alert
 * fires on a failed verification whoever asked for it. Read from the answer on its way out, so the
 * integrity code does not know about it.
 */
@ControllerAdvice
class VerificationMetrics implements ResponseBodyAdvice<Object> {
  private final Counter ok;
  private final Counter unchained;
  private final Counter broken;

  VerificationMetrics(MeterRegistry meters) {
    this.ok = counter(meters, "ok");
    this.unchained = counter(meters, "unchained");
    this.broken = counter(meters, "broken");
  }

  private static Counter counter(MeterRegistry meters, String outcome) {
    return Counter.builder("ledger.integrity.verifications")
        .description("integrity verifications answered, by outcome")
        .tag("outcome", outcome)
        .register(meters);
  }

  @Override
  public boolean supports(
      MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
    return Verification.class.isAssignableFrom(returnType.getParameterType());
  }

  @Override
  public Object beforeBodyWrite(
      Object body,
      MethodParameter returnType,
      MediaType selectedContentType,
      Class<? extends HttpMessageConverter<?>> selectedConverterType,
      ServerHttpRequest request,
      ServerHttpResponse response) {
    if (body instanceof Verification v) {
      (!v.intact() ? broken : v.ok() ? ok : unchained).increment();
    }
    return body;
  }
}
