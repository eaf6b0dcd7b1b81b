package jp.emergencyaccess.ledger.console;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import jp.emergencyaccess.ledger.access.DenialReason;
import jp.emergencyaccess.ledger.access.InfoCategory;
import jp.emergencyaccess.ledger.facility.ApplicationSummary;
import jp.emergencyaccess.ledger.facility.FacilityKind;
import jp.emergencyaccess.ledger.history.AccessFlag;
import jp.emergencyaccess.ledger.investigation.Finding;
import jp.emergencyaccess.ledger.investigation.ServiceChange;
import jp.emergencyaccess.ledger.workbench.AlertKind;
import jp.emergencyaccess.ledger.workbench.AlertStatus;
import jp.emergencyaccess.ledger.workbench.DismissReason;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The console's two bundles (console/messages.properties in Japanese,
 * console/messages_en.properties in English) hold the same keys, with the same arguments; every key
 * the templates and the console's Java name is in them, and every key in them is named somewhere. A
 * key missing in one language would show as {@code ??key_en??} on a page or fail the request.
 */
class ConsoleBundlesTest {
  private static final Path BUNDLES = Path.of("src/main/resources/console");
  private static final Path TEMPLATES = Path.of("src/main/resources/templates/console");
  private static final Path JAVA = Path.of("src/main/java/jp/emergencyaccess/ledger/console");

  /** {@code #{key}}, {@code #{key(args)}}, and {@code #messages.msg('key')} in an expression. */
  private static final Pattern TEMPLATE_KEY =
      Pattern.compile("#\\{([^}(]*)|#messages\\.msg\\('([^']*)'");

  /** A dotted string literal: a key, or (ending in a dot) the prefix a code is appended to. */
  private static final Pattern LITERAL =
      Pattern.compile("\"([a-z][a-zA-Z0-9]*(?:\\.[a-zA-Z0-9_-]+)+\\.?)\"");

  private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)[,}]");

  /** An apostrophe MessageFormat would take for a quote: one not doubled. */
  private static final Pattern LONE_QUOTE = Pattern.compile("(?<!')'(?!')");

  /** The codes each prefix in the console's Java is followed by: every one must have words. */
  private static final Map<String, List<String>> CODES =
      Map.ofEntries(
          entry(AlertWords.KIND, names(AlertKind.values())),
          entry(AlertWords.STATUS, names(AlertStatus.values())),
          entry(AlertWords.DISMISSAL, names(DismissReason.values())),
          entry(ApplicationWords.STATE, names(ApplicationSummary.Status.values())),
          entry(FacilityWords.KIND, names(FacilityKind.values())),
          entry(HistoryWords.CATEGORY, names(InfoCategory.values())),
          entry(HistoryWords.REASON, names(DenialReason.values())),
          entry(HistoryWords.FLAG, names(AccessFlag.values())),
          entry(HistoryWords.DECISION, HistoryWords.DECISIONS),
          entry(InquiryWords.SERVICE, names(ServiceChange.values())),
          entry(InquiryWords.FINDING, names(Finding.values())),
          entry(ActivationWords.ACTION, names(ActivationFormsConsole.Action.values())));

  /**
   * Prefixes of open sets of codes (rules, fields, event types, the verifier's problems): one
   * without words is shown by its stable name, so only the prefix itself is checked.
   */
  private static final Set<String> OPEN =
      Set.of(
          "activation.field.",
          "application.field.",
          "application.rule.",
          "inquiry.field.",
          "inquiry.rule.",
          InquiryWords.STEP,
          VerificationWords.PROBLEM);

  private static Properties japanese;
  private static Properties english;

  @BeforeAll
  static void readBundles() throws IOException {
    japanese = read(BUNDLES.resolve("messages.properties"));
    english = read(BUNDLES.resolve("messages_en.properties"));
  }

  @Test
  void japaneseAndEnglish_haveExactlyTheSameKeys() {
    assertThat(japanese.stringPropertyNames()).as("the Japanese bundle's keys").isNotEmpty();
    assertThat(difference(japanese, english)).as("keys only in Japanese").isEmpty();
    assertThat(difference(english, japanese)).as("keys only in English").isEmpty();
  }

  @Test
  void everyKeyTheTemplatesUse_isInBothBundles() throws IOException {
    Set<String> used = templateKeys();
    assertThat(used).as("keys found in the templates").contains("html.lang", "nav.label");
    assertThat(used)
        .as("keys the regex cannot check (built in an expression)")
        .allMatch(k -> !k.isBlank() && !k.contains("$"));
    assertThat(missing(used, japanese)).as("template keys missing in Japanese").isEmpty();
    assertThat(missing(used, english)).as("template keys missing in English").isEmpty();
  }

  @Test
  void everyKeyTheConsolesJavaNames_isInBothBundles_withWordsForEveryCode() throws IOException {
    Set<String> families = families();
    List<String> literals =
        javaLiterals().stream().filter(l -> families.contains(family(l))).toList();
    Set<String> keys =
        literals.stream()
            .filter(l -> !l.endsWith("."))
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> prefixes =
        literals.stream()
            .filter(l -> l.endsWith("."))
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(keys)
        .as("keys found in the console's Java")
        .contains("nav.activation", "format.paren");
    assertThat(missing(keys, japanese)).as("Java keys missing in Japanese").isEmpty();
    assertThat(missing(keys, english)).as("Java keys missing in English").isEmpty();

    assertThat(prefixes)
        .as("every prefix the Java appends a code to is known here, with its codes")
        .allMatch(p -> CODES.containsKey(p) || OPEN.contains(p))
        .containsAll(CODES.keySet())
        .containsAll(OPEN);
    Set<String> coded = new TreeSet<>();
    CODES.forEach((prefix, codes) -> codes.forEach(c -> coded.add(prefix + c)));
    assertThat(missing(coded, japanese)).as("codes without Japanese words").isEmpty();
    assertThat(missing(coded, english)).as("codes without English words").isEmpty();
    for (String prefix : OPEN) {
      assertThat(japanese.stringPropertyNames())
          .as("words under " + prefix)
          .anyMatch(k -> k.startsWith(prefix));
    }
  }

  @Test
  void everyKeyOfTheBundles_isUsed() throws IOException {
    Set<String> used = templateKeys();
    used.addAll(javaLiterals());
    List<String> unused =
        japanese.stringPropertyNames().stream()
            .filter(k -> !used.contains(k))
            .filter(k -> CODES.keySet().stream().noneMatch(k::startsWith))
            .filter(k -> OPEN.stream().noneMatch(k::startsWith))
            .sorted()
            .toList();
    assertThat(unused).as("keys neither a template nor the console's Java names").isEmpty();
  }

  /**
   * Both languages take the same arguments, and each argument is filled in: a lone apostrophe in a
   * pattern quotes what follows it, so the argument would show as {0} instead of its value.
   */
  @Test
  void bothLanguages_fillInTheSameArguments() {
    List<String> wrong = new ArrayList<>();
    int withArguments = 0;
    for (String key : new TreeSet<>(japanese.stringPropertyNames())) {
      Set<String> ja = arguments(japanese.getProperty(key));
      Set<String> en = arguments(english.getProperty(key, ""));
      if (!ja.equals(en)) {
        wrong.add(key + ": Japanese takes " + ja + ", English " + en);
        continue;
      }
      if (ja.isEmpty()) {
        continue;
      }
      withArguments++;
      int highest = ja.stream().mapToInt(Integer::parseInt).max().getAsInt();
      Object[] markers = IntStream.rangeClosed(0, highest).mapToObj(i -> "⟦" + i + "⟧").toArray();
      for (Properties bundle : List.of(japanese, english)) {
        String pattern = bundle.getProperty(key);
        String shown = new MessageFormat(pattern, Locale.ROOT).format(markers);
        for (String i : ja) {
          if (!shown.contains("⟦" + i + "⟧")) {
            wrong.add(key + ": " + pattern + " does not fill in {" + i + "}");
          }
        }
        if (LONE_QUOTE.matcher(pattern).find()) {
          wrong.add(key + ": " + pattern + " has an apostrophe that is not doubled");
        }
      }
    }
    assertThat(withArguments).as("messages with arguments").isPositive();
    assertThat(wrong).isEmpty();
  }

  private static Set<String> templateKeys() throws IOException {
    Set<String> keys = new TreeSet<>();
    try (Stream<Path> files = Files.list(TEMPLATES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
        Matcher m = TEMPLATE_KEY.matcher(Files.readString(file));
        while (m.find()) {
          keys.add((m.group(1) != null ? m.group(1) : m.group(2)).strip());
        }
      }
    }
    return keys;
  }

  private static List<String> javaLiterals() throws IOException {
    List<String> literals = new ArrayList<>();
    try (Stream<Path> files = Files.list(JAVA)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = LITERAL.matcher(Files.readString(file));
        while (m.find()) {
          literals.add(m.group(1));
        }
      }
    }
    return literals;
  }

  /** The first segments of the bundles' keys: a literal starting otherwise is no key of ours. */
  private static Set<String> families() {
    return japanese.stringPropertyNames().stream()
        .map(ConsoleBundlesTest::family)
        .collect(Collectors.toSet());
  }

  private static String family(String key) {
    return key.substring(0, key.indexOf('.') < 0 ? key.length() : key.indexOf('.'));
  }

  private static Set<String> arguments(String pattern) {
    Set<String> found = new TreeSet<>();
    Matcher m = ARGUMENT.matcher(pattern);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  private static List<String> missing(Set<String> keys, Properties bundle) {
    return keys.stream().filter(k -> bundle.getProperty(k) == null).toList();
  }

  private static Set<String> difference(Properties a, Properties b) {
    Set<String> only = new TreeSet<>(a.stringPropertyNames());
    only.removeAll(b.stringPropertyNames());
    return only;
  }

  private static List<String> names(Enum<?>[] values) {
    return Arrays.stream(values).map(Enum::name).toList();
  }

  /** As Spring's message source reads them (spring.messages.encoding: UTF-8). */
  private static Properties read(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties;
  }
}
