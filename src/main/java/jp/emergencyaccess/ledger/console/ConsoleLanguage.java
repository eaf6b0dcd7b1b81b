package jp.emergencyaccess.ledger.console;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The console's language: Japanese first, English switchable. {@code ?lang=en} or {@code ?lang=ja}
 * on any console page switches it, and a cookie remembers the choice. A browser's Accept-Language
 * is not asked: the console's readers are Japanese officials, whose browsers may well say English.
 * The rest of the application keeps the locale Spring Boot would resolve ({@link
 * ConsoleLocaleResolver}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ConsoleLanguage implements WebMvcConfigurer {
  static final String PARAMETER = "lang";
  static final String COOKIE = "console-lang";

  /** The languages the console has bundles for; any other {@code lang} is ignored. */
  static final Set<String> LANGUAGES = Set.of("ja", "en");

  @Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
  LocaleResolver localeResolver(ObjectProvider<WebProperties> web) {
    CookieLocaleResolver console = new CookieLocaleResolver(COOKIE);
    console.setDefaultLocale(Locale.JAPANESE);
    console.setCookieMaxAge(Duration.ofDays(365));
    console.setCookieHttpOnly(true);
    // Lax, unlike the session's Strict: a link into the console from elsewhere opens in the chosen
    // language, and the cookie carries no authority that a cross-site request could borrow.
    console.setCookieSameSite("Lax");
    return new ConsoleLocaleResolver(console, springBoots(web.getIfAvailable(WebProperties::new)));
  }

  /**
   * The resolver Spring Boot's WebMvcAutoConfiguration defines when the application defines none:
   * {@code spring.web.locale-resolver} and {@code spring.web.locale}, else Accept-Language.
   */
  private static LocaleResolver springBoots(WebProperties web) {
    if (web.getLocaleResolver() == WebProperties.LocaleResolver.FIXED) {
      return new FixedLocaleResolver(web.getLocale());
    }
    AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
    resolver.setDefaultLocale(web.getLocale());
    return resolver;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor change =
        new LocaleChangeInterceptor() {
          @Override
          protected Locale parseLocaleValue(String value) {
            if (!LANGUAGES.contains(value)) {
              throw new IllegalArgumentException("the console has no words in " + value);
            }
            return Locale.forLanguageTag(value);
          }
        };
    change.setParamName(PARAMETER);
    change.setIgnoreInvalidLocale(true);
    registry.addInterceptor(change).addPathPatterns("/console", "/console/**");
  }
}
