package jp.emergencyaccess.ledger.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.web.servlet.LocaleContextResolver;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The locale of a request: the console's cookie on {@code /console} and below, and elsewhere the
 * resolver Spring Boot would have given the application. The dispatcher has one resolver for every
 * request, and the API's answers depend on its locale (Bean Validation words its messages in it, in
 * Japanese too), so the console's Japanese default must not reach the API.
 */
final class ConsoleLocaleResolver implements LocaleContextResolver {
  private final LocaleContextResolver console;
  private final LocaleResolver elsewhere;

  ConsoleLocaleResolver(LocaleContextResolver console, LocaleResolver elsewhere) {
    this.console = console;
    this.elsewhere = elsewhere;
  }

  @Override
  public LocaleContext resolveLocaleContext(HttpServletRequest request) {
    // What the dispatcher builds itself for a resolver that is not a LocaleContextResolver.
    return isConsole(request)
        ? console.resolveLocaleContext(request)
        : () -> elsewhere.resolveLocale(request);
  }

  @Override
  public void setLocaleContext(
      HttpServletRequest request, HttpServletResponse response, LocaleContext context) {
    consoleOnly(request);
    console.setLocaleContext(request, response, context);
  }

  @Override
  public Locale resolveLocale(HttpServletRequest request) {
    return isConsole(request) ? console.resolveLocale(request) : elsewhere.resolveLocale(request);
  }

  @Override
  public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
    consoleOnly(request);
    console.setLocale(request, response, locale);
  }

  /** Only the console's pages switch their language (ConsoleLanguage's interceptor). */
  private static void consoleOnly(HttpServletRequest request) {
    if (!isConsole(request)) {
      throw new UnsupportedOperationException(
          "only the console's language can be changed, not that of " + request.getRequestURI());
    }
  }

  /** A forward to the 403 page is still the console's; its request URI is the page's. */
  private static boolean isConsole(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals("/console") || path.startsWith("/console/");
  }
}
