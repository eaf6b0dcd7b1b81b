package jp.emergencyaccess.ledger.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.NotFound;
import jp.emergencyaccess.ledger.common.RuleViolation;
import jp.emergencyaccess.ledger.facility.ImportRefused;
import jp.emergencyaccess.ledger.infra.Outages;
import org.axonframework.common.AxonException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every refusal as application/problem+json (RFC 9457), with field-level errors for bad input. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemHandler.class);
  private final Outages outages;

  ProblemHandler(Outages outages) {
    this.outages = outages;
  }

  @ExceptionHandler(InvalidField.class)
  ResponseEntity<Object> invalidField(InvalidField e) {
    return Problems.answer(Problems.invalid(List.of(Problems.error(e.field(), e.reason()))));
  }

  /** A bulk import with bad rows: every row error, with its line number. */
  @ExceptionHandler(ImportRefused.class)
  ResponseEntity<Object> importRefused(ImportRefused e) {
    var problem =
        Problems.problem(
            HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", e.getMessage());
    problem.setProperty(
        "errors",
        e.errors().stream()
            .map(r -> Map.of("row", (Object) r.row(), "field", r.field(), "message", r.message()))
            .toList());
    problem.setProperty("errorCount", e.errorCount());
    return Problems.answer(problem);
  }

  @ExceptionHandler(RuleViolation.class)
  ResponseEntity<Object> ruleBroken(RuleViolation e) {
    var problem =
        Problems.problem(HttpStatus.CONFLICT, "rule-broken", "Rule broken", e.getMessage());
    problem.setProperty("rule", e.rule());
    return Problems.answer(problem);
  }

  @ExceptionHandler({NotFound.class, AggregateNotFoundException.class})
  ResponseEntity<Object> notFound(RuntimeException e) {
    return Problems.answer(
        Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()));
  }

  /** Two requests raced for the same unique thing; the loser recorded nothing. */
  @ExceptionHandler({
    DuplicateKeyException.class,
    ConflictingModificationException.class,
    ConcurrencyException.class,
    AggregateStreamCreationException.class
  })
  ResponseEntity<Object> conflict(RuntimeException e) {
    return Problems.answer(
        Problems.problem(
            HttpStatus.CONFLICT,
            "conflict",
            "Conflict",
            "a concurrent request recorded a conflicting change first; nothing was recorded"));
  }

  /**
   * A store that cannot answer or take a write (docs/operations.md): 503 with Retry-After. Any
   * other failure of the store or of Axon is a fault of the ledger: 500 problem+json, logged.
   * (Answered here rather than by Spring MVC's default resolver: see {@link #failedOnTheStore}.)
   */
  @ExceptionHandler({
    DataAccessException.class,
    TransactionException.class,
    AxonException.class,
    java.sql.SQLException.class
  })
  ResponseEntity<Object> storeFailed(Exception e) {
    if (outages.unavailable(e)) {
      LOG.warn("store unavailable, answered 503: {}", e.toString());
      return StoreUnavailable.answer();
    }
    LOG.error("request failed", e);
    return Problems.answer(
        Problems.problem(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "internal-error",
            "Internal error",
            "the ledger failed to handle the request"));
  }

  /**
   * Any other exception that a store failure caused. Without this, Spring MVC's default resolver
   * takes a store connection's "Broken pipe" for a client that went away and answers 200 with an
   * empty body: a false success. Everything else goes on to Spring's own handling (rethrowing the
   * same exception declines it).
   */
  @ExceptionHandler(RuntimeException.class)
  ResponseEntity<Object> failedOnTheStore(RuntimeException e) {
    if (outages.unavailable(e)) {
      LOG.warn("store unavailable, answered 503: {}", e.toString());
      return StoreUnavailable.answer();
    }
    throw e;
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<Object> forbidden(AccessDeniedException e) {
    return Problems.answer(
        Problems.problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", e.getMessage()));
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> badParameter(MethodArgumentTypeMismatchException e) {
    return Problems.answer(
        Problems.invalid(List.of(Problems.error(e.getName(), "has the wrong type or format"))));
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Map<String, String>> errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(f -> Problems.error(f.getField(), String.valueOf(f.getDefaultMessage())))
            .collect(Collectors.toList());
    return Problems.answer(Problems.invalid(errors));
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return Problems.answer(Problems.invalid(List.of(describe(e.getCause()))));
  }

  /** Names the field and the fault of an unreadable body without echoing its values. */
  private static Map<String, String> describe(Throwable cause) {
    if (cause instanceof ValueInstantiationException v && v.getCause() instanceof InvalidField f) {
      return Problems.error(f.field(), f.reason());
    }
    if (cause instanceof JsonMappingException m) {
      String field = path(m);
      if (cause instanceof UnrecognizedPropertyException) {
        return Problems.error(field, "is not a known field");
      }
      if (cause instanceof InvalidFormatException || cause instanceof MismatchedInputException) {
        return Problems.error(field, "has the wrong type or format");
      }
      if (cause.getCause() instanceof InvalidField f) {
        return Problems.error(f.field(), f.reason());
      }
      return Problems.error(field, "cannot be read");
    }
    if (cause instanceof JsonParseException p
        && p.getOriginalMessage() != null
        && p.getOriginalMessage().startsWith("Duplicate field")) {
      String field = p.getProcessor() != null ? RequestJson.path(p.getProcessor()) : "body";
      return Problems.error(field, "appears more than once");
    }
    return Problems.error("body", "is not valid JSON");
  }

  private static String path(JsonMappingException e) {
    String path =
        e.getPath().stream()
            .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
            .collect(Collectors.joining("."))
            .replace(".[", "[");
    return path.isEmpty() ? "body" : path;
  }
}
