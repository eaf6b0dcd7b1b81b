package jp.emergencyaccess.ledger.console;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The console's start page, its sign-in form and the page shown for a refused role. */
@Controller
@Hidden
@ConditionalOnProperty(name = "ledger.auth.mode", havingValue = "basic", matchIfMissing = true)
class ConsolePages {

  @GetMapping("/console")
  String home() {
    return "console/home";
  }

  @GetMapping("/console/login")
  String login() {
    return "console/login";
  }

  /** Forwarded to by the access-denied handler, which has already set 403. */
  @RequestMapping("/console/denied")
  String denied() {
    return "console/denied";
  }

  /**
   * A 404 of a console page or download, answered as problem+json like the API's: its detail is the
   * bundles' words for {@code key} in the request's language, which the problem handler looks up as
   * the detail's message code.
   */
  static ErrorResponseException notFound(String key, String... args) {
    return new ErrorResponseException(
        HttpStatus.NOT_FOUND, ProblemDetail.forStatus(HttpStatus.NOT_FOUND), null, key, args);
  }
}
