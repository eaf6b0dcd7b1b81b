package jp.emergencyaccess.ledger.console;

import java.util.Locale;
import org.springframework.context.MessageSource;

/**
 * The console's words in one request's language, from the bundles {@code
 * console/messages.properties} (Japanese, the default) and {@code console/messages_en.properties}.
 * Arguments are strings: given a number, {@code MessageFormat} would group its digits (12,345) and
 * a position or a count would read differently from the same number elsewhere on the page.
 */
record ConsoleText(MessageSource messages, Locale locale) {

  String get(String key, String... args) {
    return messages.getMessage(key, args, locale);
  }

  /** Null when the bundles have no words for the key: a code the console cannot name yet. */
  String find(String key, String... args) {
    return messages.getMessage(key, args, null, locale);
  }
}
