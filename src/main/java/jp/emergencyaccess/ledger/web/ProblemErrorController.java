package jp.emergencyaccess.ledger.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the servlet container's own errors look like (a request it refused before Spring MVC ran, an
 * exception no handler turned into a problem): problem+json, never an HTML page or Spring Boot's
 * default error object, and never the exception's message.
 */
@Hidden
@RestController
class ProblemErrorController implements ErrorController {

  @RequestMapping("${server.error.path:/error}")
  ResponseEntity<Object> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status =
        code instanceof Integer c && HttpStatus.resolve(c) != null
            ? HttpStatus.resolve(c)
            : HttpStatus.INTERNAL_SERVER_ERROR;
    if (!status.isError()) {
      status = HttpStatus.INTERNAL_SERVER_ERROR;
    }
    String detail =
        status.is5xxServerError()
            ? "the ledger failed while answering; whether the request was recorded is not known"
            : "the request was refused: " + status.getReasonPhrase();
    return Problems.answer(
        Problems.problem(
            status,
            status.is5xxServerError() ? "server-error" : "http-" + status.value(),
            status.getReasonPhrase(),
            detail));
  }
}
