package jp.emergencyaccess.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.EmbeddedPostgresInitializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml without a Docker engine (none runs here): the file is read as YAML and checked
 * for what `docker compose up` and `--scale ledger=2` need, its key generator is run as the
 * `ledger-keys` service runs it, and the ledger is started with exactly the ledger service's
 * environment (only the host names of PostgreSQL and Axon Server, which exist inside Compose's
 * network, and the keys volume's path are replaced), so a property the file sets that the ledger
 * does not know, or a key it cannot use, fails here.
 */
class DockerComposeTest {
  private static final Path COMPOSE = Path.of("docker-compose.yml");

  /** A Compose variable: ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?error}. */
  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\{([A-Z0-9_]+)(?::?([-?])([^}{]*))?}");

  /** A placeholder of Spring's configuration: ${NAME} or ${NAME:default}. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)[:}]");

  private static Map<String, Object> services;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void read() throws IOException {
    Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE));
    services = (Map<String, Object>) compose.get("services");
    assertThat(compose.get("volumes")).as("named volumes").isInstanceOf(Map.class);
    for (var service : services.values()) {
      for (Object volume : list(service, "volumes")) {
        String source = volume.toString().split(":")[0];
        if (source.startsWith("./") && !source.startsWith("./target/")) {
          assertThat(Path.of(source)).as("mounted file").exists();
        } else if (!source.startsWith("./")) {
          assertThat((Map<String, Object>) compose.get("volumes")).containsKey(source);
        }
      }
    }
  }

  @Test
  void theLedgerCanRunAsSeveralReplicas_afterItsKeysAreMade() {
    Map<String, Object> ledger = service("ledger");
    assertThat(ledger).doesNotContainKeys("container_name", "hostname");
    assertThat(list(ledger, "ports"))
        .singleElement()
        .asString()
        .as("a host port range, one port per replica")
        .matches("\"?(\\d+)-(\\d+):8080\"?");
    String ports = list(ledger, "ports").get(0).toString();
    Matcher range = Pattern.compile("(\\d+)-(\\d+):").matcher(ports);
    assertThat(range.find()).isTrue();
    assertThat(Integer.parseInt(range.group(2)) - Integer.parseInt(range.group(1)) + 1)
        .isGreaterThanOrEqualTo(2);
    assertThat(map(map(ledger, "depends_on"), "ledger-keys"))
        .containsEntry("condition", "service_completed_successfully");
    assertThat(map(map(ledger, "depends_on"), "postgres"))
        .containsEntry("condition", "service_healthy");
    assertThat(list(ledger, "volumes"))
        .as("the replicas share only the keys, read-only; no shared data directory")
        .map(Object::toString)
        .filteredOn(v -> !v.startsWith("./target/"))
        .containsExactly("ledger-keys:/run/ledger-keys:ro");
    assertThat(environment("ledger"))
        .containsEntry("SPRING_CONFIG_IMPORT", "configtree:/run/ledger-keys/");
    assertThat(list(service("ledger-keys"), "volumes")).contains("ledger-keys:/keys");
  }

  @Test
  void everyVariableTheLedgerServiceSets_isOneTheLedgerReads() throws IOException {
    Set<String> placeholders = placeholdersOfTheConfiguration();
    Set<String> known = springMetadataProperties();
    for (String variable : environment("ledger").keySet()) {
      String property = variable.toLowerCase().replace('_', '.');
      boolean read =
          placeholders.contains(variable)
              || known.contains(property)
              || variable.matches("LEDGER_ACCOUNTS_[A-Z0-9]+_(PASSWORD|ROLE|FACILITY_CODE)");
      assertThat(read).as(variable + " (" + property + ") is read by the ledger").isTrue();
    }
  }

  @Test
  void theKeysAreMadeOnce_keptAfterwards_andAGivenOneNeverReplacesThem(@TempDir Path keys)
      throws Exception {
    assertThat(makeKeys(keys, Map.of())).isZero();
    String pseudonym = Files.readString(keys.resolve("ledger.pseudonym.key"));
    String signing = Files.readString(keys.resolve("ledger.integrity.signing-key"));
    assertThat(Base64.getDecoder().decode(pseudonym)).hasSizeGreaterThanOrEqualTo(32);
    assertThat(
            KeyFactory.getInstance("Ed25519")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(signing))))
        .isNotNull();

    assertThat(makeKeys(keys, Map.of())).isZero();
    assertThat(makeKeys(keys, Map.of("LEDGER_PSEUDONYM_KEY", pseudonym))).isZero();
    assertThat(makeKeys(keys, Map.of("LEDGER_PSEUDONYM_KEY", "c29tZS1vdGhlci1rZXk="))).isOne();
    assertThat(Files.readString(keys.resolve("ledger.pseudonym.key"))).isEqualTo(pseudonym);
    assertThat(Files.readString(keys.resolve("ledger.integrity.signing-key"))).isEqualTo(signing);
  }

  @Test
  void theLedgerStarts_withTheLedgerServicesEnvironment_andTheMadeKeys(@TempDir Path dir)
      throws Exception {
    Path keys = dir.resolve("keys");
    String given = "Z2l2ZW4tcHNldWRvbnltLWtleS1vZi0zMi1ieXRlcyEhIQ==";
    assertThat(makeKeys(keys, Map.of("LEDGER_PSEUDONYM_KEY", given))).isZero();
    Map<String, Object> env = new LinkedHashMap<>(environment("ledger"));
    // The names that only exist inside Compose's network and volumes.
    env.put("SPRING_DATASOURCE_URL", EmbeddedPostgresInitializer.newDatabase());
    env.put("SPRING_DATASOURCE_USERNAME", "postgres");
    env.put("SPRING_DATASOURCE_PASSWORD", "postgres");
    env.put("AXONSERVER_SERVERS", "localhost:" + closedPort());
    env.put(
        "SPRING_CONFIG_IMPORT",
        env.get("SPRING_CONFIG_IMPORT").toString().replace("/run/ledger-keys/", keys + "/"));
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(new SystemEnvironmentPropertySource("compose-systemEnvironment", env));

    try (var context =
        new SpringApplicationBuilder(LedgerApplication.class)
            .environment(environment)
            .run(
                "--server.port=0",
                "--ledger.data-dir=" + dir.resolve("data"),
                "--logging.level.org.axonframework=OFF",
                "--logging.level.io.axoniq=OFF")) {
      assertThat(context.getEnvironment().getActiveProfiles()).containsExactly("axonserver");
      assertThat(context.getEnvironment().getProperty("ledger.pseudonym.key")).isEqualTo(given);
      assertThat(context.getEnvironment().getProperty("ledger.integrity.signing-key"))
          .isEqualTo(Files.readString(keys.resolve("ledger.integrity.signing-key")));
      Api api = Api.at(((WebServerApplicationContext) context).getWebServer().getPort());
      var publicKey = api.as("admin", "compose-admin").get("/api/integrity/public-key");
      assertThat(publicKey.status()).as(publicKey.toString()).isEqualTo(200);
      assertThat(publicKey.text()).startsWith("-----BEGIN PUBLIC KEY-----");
    }
  }

  /** Runs the ledger-keys service's command with this JDK; its exit code. */
  private static int makeKeys(Path keys, Map<String, String> variables) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<Object> declared = list(service("ledger-keys"), "command");
    assertThat(declared.get(0)).isEqualTo("java");
    assertThat(declared.get(1)).isEqualTo("/init/LedgerKeys.java");
    command.add("axonserver/LedgerKeys.java");
    command.add(keys.toString());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("LEDGER_PSEUDONYM_KEY");
    builder.environment().remove("LEDGER_INTEGRITY_SIGNING_KEY");
    builder.environment().putAll(variables);
    Process process = builder.start();
    process.getInputStream().transferTo(System.out);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return process.exitValue();
  }

  /** The service's environment, as Compose interpolates it (a required variable given a value). */
  private static Map<String, Object> environment(String name) {
    Map<String, Object> env = new LinkedHashMap<>();
    map(service(name), "environment")
        .forEach(
            (key, value) -> {
              assertThat(value.toString().replaceAll(VARIABLE.pattern(), ""))
                  .as(key + ": every ${ of it is one whole variable")
                  .doesNotContain("${")
                  .doesNotContain("}");
              Matcher m = VARIABLE.matcher(value.toString());
              StringBuilder out = new StringBuilder();
              while (m.find()) {
                String replacement =
                    "?".equals(m.group(2))
                        ? "{noop}compose-admin"
                        : m.group(3) == null ? "" : m.group(3);
                m.appendReplacement(out, Matcher.quoteReplacement(replacement));
              }
              m.appendTail(out);
              env.put(key, out.toString());
            });
    return env;
  }

  /** Every ${NAME} the ledger's own configuration reads. */
  private static Set<String> placeholdersOfTheConfiguration() throws IOException {
    Set<String> names = new HashSet<>();
    try (Stream<Path> files = Files.list(Path.of("src/main/resources"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
        Matcher m = PLACEHOLDER.matcher(Files.readString(file));
        while (m.find()) {
          names.add(m.group(1));
        }
      }
    }
    return names;
  }

  /** Every property Spring Boot's and Axon's configuration metadata on the class path names. */
  private static Set<String> springMetadataProperties() throws IOException {
    Set<String> names = new HashSet<>();
    ObjectMapper json = new ObjectMapper();
    for (URL url :
        Collections.list(
            DockerComposeTest.class
                .getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
      try (InputStream in = url.openStream()) {
        JsonNode properties = json.readTree(in).path("properties");
        properties.forEach(p -> names.add(p.path("name").asText()));
      }
    }
    assertThat(names).contains("spring.datasource.url", "spring.config.import");
    return names;
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static Map<String, Object> service(String name) {
    assertThat(services).containsKey(name);
    return map(services, name);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object parent, String key) {
    Object value = ((Map<String, Object>) parent).get(key);
    assertThat(value).as(key).isInstanceOf(Map.class);
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object parent, String key) {
    Object value = ((Map<String, Object>) parent).get(key);
    return value == null ? List.of() : (List<Object>) value;
  }
}
