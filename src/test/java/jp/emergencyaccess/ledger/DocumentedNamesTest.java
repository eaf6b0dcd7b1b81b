package jp.emergencyaccess.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Every code name the README and docs/ write in backticks exists: a class ({@code
 * FacilityCoverage}, {@code access.Rejudge}) is one of ours or one the code imports, and a member
 * ({@code ViewPolicy.withActivation}) is named in our class's file. Docs that name a removed or
 * renamed class fail here instead of misleading the next reader.
 */
class DocumentedNamesTest {
  private static final String BASE = "src/main/java/jp/emergencyaccess/ledger/";

  /**
   * {@code pkg.Class} (or {@code pkg/Class}), {@code Class}, {@code Class.member}, {@code
   * Class#member}, with ().
   */
  private static final Pattern NAME =
      Pattern.compile(
          "((?:[a-z][a-z0-9]*[./])*)([A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*)(?:[.#]([a-z][A-Za-z0-9]*))?(?:\\(\\))?");

  private static final Pattern SPAN = Pattern.compile("`([^`\\n]+)`");

  /** The OpenAPI document's name for a class ({@code @Schema(name = "ViewDenied")}). */
  private static final Pattern SCHEMA_NAME = Pattern.compile("@Schema\\(name = \"(\\w+)\"");

  private static final Pattern ALERT = Pattern.compile("- alert: (\\w+)");

  @Test
  void everyClassAndMemberTheDocsNameExists() throws IOException {
    Map<String, List<Path>> ours = new HashMap<>();
    Set<String> elsewhere = classpathNames();
    try (Stream<Path> files = Files.walk(Path.of("src"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String name = file.getFileName().toString().replace(".java", "");
        ours.computeIfAbsent(name, n -> new ArrayList<>()).add(file);
        Matcher schema = SCHEMA_NAME.matcher(Files.readString(file));
        while (schema.find()) {
          elsewhere.add(schema.group(1));
        }
      }
    }
    elsewhere.addAll(alertNames());
    List<String> missing = new ArrayList<>();
    for (Path doc : docs()) {
      Matcher span = SPAN.matcher(Files.readString(doc));
      while (span.find()) {
        String code = span.group(1).trim();
        if (code.endsWith(".java")) {
          if (!javaFileExists(code, ours)) {
            missing.add(doc + ": `" + code + "` is not a file of ours");
          }
          continue;
        }
        Matcher name = NAME.matcher(code);
        if (!name.matches()) {
          continue;
        }
        String problem = problem(name.group(1), name.group(2), name.group(3), ours, elsewhere);
        if (problem != null) {
          missing.add(doc + ": `" + span.group(1) + "` " + problem);
        }
      }
    }
    assertThat(missing).as("code names in the docs that the code does not have").isEmpty();
  }

  private static String problem(
      String prefix,
      String type,
      String member,
      Map<String, List<Path>> ours,
      Set<String> elsewhere) {
    String packagePath = prefix.replace('.', '/');
    List<Path> files = ours.getOrDefault(type, List.of());
    boolean ourPackage =
        prefix.startsWith("jp.")
            || (!prefix.isEmpty() && Files.isDirectory(Path.of(BASE, prefix.split("[./]")[0])));
    if (ourPackage) {
      files =
          files.stream()
              .filter(f -> f.toString().replace('\\', '/').endsWith(packagePath + type + ".java"))
              .toList();
      if (files.isEmpty()) {
        return "is not a class of ours (" + BASE + packagePath + type + ".java)";
      }
    }
    if (files.isEmpty()) {
      return elsewhere.contains(type)
          ? null
          : "is neither a class of ours nor one on the classpath";
    }
    if (member == null) {
      return null;
    }
    Pattern word = Pattern.compile("\\b" + Pattern.quote(member) + "\\b");
    for (Path file : files) {
      if (word.matcher(read(file)).find()) {
        return null;
      }
    }
    return "names " + member + ", which " + files + " does not have";
  }

  /** The simple names of the classes of the JDK and of every jar and folder on the classpath. */
  private static Set<String> classpathNames() throws IOException {
    Set<String> names = new HashSet<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      if (entry.endsWith(".jar") && Files.isRegularFile(path)) {
        try (ZipFile jar = new ZipFile(path.toFile())) {
          jar.stream().map(ZipEntry::getName).forEach(n -> addClass(names, n));
        }
      } else if (Files.isDirectory(path)) {
        try (Stream<Path> files = Files.walk(path)) {
          files.forEach(f -> addClass(names, f.toString()));
        }
      }
    }
    try (Stream<Path> files =
        Files.walk(FileSystems.getFileSystem(URI.create("jrt:/")).getPath("/modules"))) {
      files.forEach(f -> addClass(names, f.toString()));
    }
    return names;
  }

  private static void addClass(Set<String> names, String file) {
    if (file.endsWith(".class")) {
      String name = file.substring(file.lastIndexOf('/') + 1, file.length() - ".class".length());
      names.add(name.substring(name.lastIndexOf('$') + 1));
    }
  }

  private static Set<String> alertNames() throws IOException {
    Set<String> names = new HashSet<>();
    try (Stream<Path> files = Files.walk(Path.of("ops"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
        Matcher m = ALERT.matcher(Files.readString(file));
        while (m.find()) {
          names.add(m.group(1));
        }
      }
    }
    return names;
  }

  /** A path such as {@code axonserver/LedgerKeys.java} or {@code src/test/java/…/Outsider.java}. */
  private static boolean javaFileExists(String path, Map<String, List<Path>> ours) {
    if (Files.isRegularFile(Path.of(path))) {
      return true;
    }
    String name = path.substring(path.lastIndexOf('/') + 1).replace(".java", "");
    String tail = path.substring(path.lastIndexOf('…') + 1);
    return ours.getOrDefault(name, List.of()).stream()
        .anyMatch(f -> f.toString().replace('\\', '/').endsWith(tail));
  }

  private static List<Path> docs() throws IOException {
    List<Path> docs = new ArrayList<>(List.of(Path.of("README.md")));
    try (Stream<Path> files = Files.list(Path.of("docs"))) {
      files.filter(f -> f.toString().endsWith(".md")).sorted().forEach(docs::add);
    }
    return docs;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
