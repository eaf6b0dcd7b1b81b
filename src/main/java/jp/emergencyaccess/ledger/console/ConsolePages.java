package jp.emergencyaccess.ledger.console;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
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
}
