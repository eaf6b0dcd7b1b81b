package jp.emergencyaccess.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jp.emergencyaccess.ledger.support.HttpTest;
import jp.emergencyaccess.ledger.support.LookupRequest;
import jp.emergencyaccess.ledger.support.OnH2;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The OpenAPI document, read as a client team would: every endpoint of the SPEC with its real
 * success and its problem answers, the security it needs, a schema per request body that is that
 * body's own, and no two classes behind one schema name.
 */
@OnH2
class OpenApiContractOnH2Test extends HttpTest {
  private static final String BASE = "jp.emergencyaccess.ledger";

  /**
   * SPEC §5, §6 and §8, and the §10 paths whose shapes the docs give (review records): method, path
   * (as the ledger names its variables), success status.
   */
  private static final List<String> SPEC =
      List.of(
          "POST /api/notices 201",
          "POST /api/regions/{regionCode}/activate 201",
          "POST /api/regions/{regionCode}/extend 201",
          "POST /api/regions/{regionCode}/end 201",
          "POST /api/facilities 201",
          "POST /api/applications 201",
          "POST /api/applications/{applicationId}/approve 201",
          "POST /api/applications/{applicationId}/reject 201",
          "POST /api/facilities/{facilityCode}/extend 201",
          "POST /api/consents 201",
          "POST /api/consents/{consentId}/withdraw 201",
          "POST /api/views 201",
          "POST /api/inquiries 201",
          "POST /api/inquiries/{inquiryId}/facility-report 201",
          "POST /api/inquiries/{inquiryId}/improvement-request 201",
          "POST /api/inquiries/{inquiryId}/publish-name 201",
          "POST /api/inquiries/{inquiryId}/suspend 201",
          "POST /api/inquiries/{inquiryId}/stop 201",
          "POST /api/inquiries/{inquiryId}/resume 201",
          "POST /api/inquiries/{inquiryId}/close 201",
          "GET /api/activation 200",
          "GET /api/activation/check 200",
          "GET /api/notices 200",
          "GET /api/notices/{noticeId} 200",
          "GET /api/notices/{noticeId}/diff 200",
          "GET /api/regions/{regionCode} 200",
          "GET /api/regions/{regionCode}/timeline 200",
          "GET /api/views/{viewId}/rejudge 200",
          "GET /api/facilities/{facilityCode} 200",
          "GET /api/facilities/individually-activated 200",
          "GET /api/applications/{applicationId} 200",
          "GET /api/facilities/{facilityCode}/accesses 200",
          "GET /api/facilities/{facilityCode}/accesses.csv 200",
          "GET /api/facilities/{facilityCode}/accesses/fhir 200",
          "GET /api/inquiries/{inquiryId} 200",
          "GET /api/stream 200",
          "GET /api/integrity/verify 200",
          "GET /api/integrity/checkpoints 200",
          "GET /api/integrity/public-key 200",
          "GET /api/integrity/proof/{position} 200",
          "POST /api/patient-access-report 200",
          "POST /api/patient-access-report/print 200",
          "POST /fhir/AuditEvent/_search 200",
          "POST /api/reviews 201",
          "GET /api/reviews/{reviewId} 200",
          "GET /api/facilities/{facilityCode}/reviews 200");

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  private RequestMappingHandlerMapping mappings;

  private JsonNode docs;

  @BeforeEach
  void fetch() {
    var reply = api().anonymous().get("/v3/api-docs");
    assertThat(reply.status()).isEqualTo(200);
    docs = reply.json();
  }

  /**
   * The answers that carry a recorded lookup list its fields themselves (its value is unwrapped
   * into them), with the instants in Japan time, as the answers do.
   */
  @Test
  void theLookupAnswers_listTheLookupsFields() {
    assertThat(properties("ViewAnswer"))
        .containsExactlyInAnyOrderElementsOf(LookupRequest.ANSWER_FIELDS);
    assertThat(properties("Item"))
        .containsExactlyInAnyOrder(
            "viewId",
            "facilityCode",
            "at",
            "viewerId",
            "viewerRole",
            "patientRef",
            "categories",
            "consentId",
            "consentBasis",
            "identification",
            "decision",
            "reasons",
            "coveredBy",
            "flags",
            "recordedAt");
    assertThat(docs.at("/components/schemas/ViewAnswer/properties/at/format").asText())
        .isEqualTo("date-time");
  }

  private List<String> properties(String schema) {
    List<String> names = new ArrayList<>();
    docs.at("/components/schemas/" + schema + "/properties")
        .fieldNames()
        .forEachRemaining(names::add);
    return names;
  }

  @Test
  void namesTheLedgerAndItsVersion() throws Exception {
    assertThat(docs.at("/info/title").asText()).isEqualTo("Emergency Access Ledger");
    assertThat(docs.at("/info/version").asText()).isEqualTo(projectVersion());
  }

  @Test
  void offersBothWaysOfSigningIn() {
    JsonNode schemes = docs.at("/components/securitySchemes");
    assertThat(schemes.at("/basic/type").asText()).isEqualTo("http");
    assertThat(schemes.at("/basic/scheme").asText()).isEqualTo("basic");
    assertThat(schemes.at("/bearer/type").asText()).isEqualTo("http");
    assertThat(schemes.at("/bearer/scheme").asText()).isEqualTo("bearer");
    assertThat(schemes.at("/bearer/bearerFormat").asText()).isEqualTo("JWT");
  }

  @Test
  void everySpecEndpoint_hasItsSummary_success_problemAnswers_andSecurity() {
    List<String> faults = new ArrayList<>();
    for (String line : SPEC) {
      String[] parts = line.split(" ");
      String method = parts[0].toLowerCase();
      String path = parts[1];
      JsonNode op = docs.path("paths").path(path).path(method);
      if (op.isMissingNode()) {
        faults.add(line + ": missing");
        continue;
      }
      if (op.path("summary").asText().isBlank()) {
        faults.add(line + ": no summary");
      }
      JsonNode responses = op.path("responses");
      if (!responses.has(parts[2])) {
        faults.add(line + ": no " + parts[2] + " but " + names(responses));
      }
      Set<String> problems = new TreeSet<>(List.of("401", "403", "503"));
      if (op.has("requestBody")) {
        problems.addAll(List.of("400", "413", "415"));
      }
      if (op.has("parameters") && op.get("parameters").size() > 0) {
        problems.add("400");
      }
      if (path.contains("{")) {
        problems.add("404");
      }
      if (method.equals("post")) {
        problems.add("409");
      }
      for (String status : problems) {
        JsonNode problem = responses.path(status).path("content").path("application/problem+json");
        if (problem.isMissingNode()) {
          faults.add(line + ": no " + status + " problem+json");
          continue;
        }
        String ref = problem.at("/schema/$ref").asText();
        if (!ref.equals("#/components/schemas/Problem")
            && !ref.equals("#/components/schemas/ViewDenied")) {
          faults.add(line + ": " + status + " refers to " + ref);
        }
        if (problem.at("/example/status").asInt() != Integer.parseInt(status)) {
          faults.add(line + ": " + status + " has no example of its own status");
        }
      }
      JsonNode security = op.path("security");
      if (security.size() != 1 || !docs.at("/components/securitySchemes").has(first(security))) {
        faults.add(line + ": security " + security);
      }
    }
    assertThat(docs.at("/components/schemas/Problem/properties").has("errors")).isTrue();
    assertThat(faults).isEmpty();
  }

  @Test
  void aLookup_isDocumentedAs201_or403WithTheRecordedDenial() {
    JsonNode views = docs.at("/paths/~1api~1views/post/responses");
    assertThat(views.has("200")).isFalse();
    assertThat(views.at("/201/content/application~1json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/ViewAnswer");
    assertThat(views.at("/403/content/application~1problem+json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/ViewDenied");
    List<String> parts = new ArrayList<>();
    docs.at("/components/schemas/ViewDenied/allOf").forEach(s -> parts.add(s.get("$ref").asText()));
    assertThat(parts)
        .containsExactly("#/components/schemas/Problem", "#/components/schemas/ViewAnswer");
    assertThat(docs.at("/components/schemas/ViewAnswer/properties").has("decision")).isTrue();
    assertThat(docs.at("/components/schemas/ViewAnswer/properties").has("patientId")).isFalse();
  }

  /**
   * Each operation's request body is described by the schema of the very record its handler reads,
   * field for field (a name shared by two records made one of them point at the other's fields).
   */
  @Test
  void everyRequestBody_pointsAtItsOwnRecordsSchema() {
    List<String> faults = new ArrayList<>();
    int checked = 0;
    for (var entry : mappings.getHandlerMethods().entrySet()) {
      Class<?> body = requestBody(entry.getValue());
      if (body == null || !body.isRecord()) {
        continue;
      }
      Set<String> fields =
          Arrays.stream(body.getRecordComponents())
              .map(RecordComponent::getName)
              .collect(Collectors.toCollection(TreeSet::new));
      for (String path : paths(entry.getKey())) {
        for (var method : entry.getKey().getMethodsCondition().getMethods()) {
          JsonNode op = docs.path("paths").path(path).path(method.name().toLowerCase());
          String ref = op.at("/requestBody/content/application~1json/schema/$ref").asText();
          JsonNode schema =
              docs.at("/components/schemas/" + ref.replace("#/components/schemas/", ""));
          Set<String> documented = new TreeSet<>();
          schema.path("properties").fieldNames().forEachRemaining(documented::add);
          checked++;
          if (!documented.equals(fields)) {
            faults.add(
                method
                    + " "
                    + path
                    + " reads "
                    + body.getSimpleName()
                    + fields
                    + " but documents "
                    + ref
                    + documented);
          }
        }
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(20);
    assertThat(faults).isEmpty();
  }

  /** No two classes the handlers read or answer share one schema name. */
  @Test
  void noTwoClassesShareASchemaName() {
    Map<String, Set<Class<?>>> byName = new HashMap<>();
    Set<Class<?>> seen = new HashSet<>();
    for (HandlerMethod handler : mappings.getHandlerMethods().values()) {
      Method method = handler.getMethod();
      collect(method.getGenericReturnType(), seen, byName);
      for (Type parameter : method.getGenericParameterTypes()) {
        collect(parameter, seen, byName);
      }
    }
    Map<String, Set<Class<?>>> shared = new LinkedHashMap<>();
    byName.forEach(
        (name, classes) -> {
          if (classes.size() > 1) {
            shared.put(name, classes);
          }
        });
    assertThat(byName).isNotEmpty();
    assertThat(shared).isEmpty();
    // Every schema the document names for a ledger class is one of them.
    docs.at("/components/schemas")
        .fieldNames()
        .forEachRemaining(
            name -> assertThat(byName.getOrDefault(name, Set.of())).hasSizeLessThan(2));
  }

  private static void collect(Type type, Set<Class<?>> seen, Map<String, Set<Class<?>>> byName) {
    if (type instanceof ParameterizedType p) {
      collect(p.getRawType(), seen, byName);
      for (Type argument : p.getActualTypeArguments()) {
        collect(argument, seen, byName);
      }
      return;
    }
    if (!(type instanceof Class<?> c) || c.isEnum() || c.isPrimitive() || !seen.add(c)) {
      return;
    }
    if (c.isArray()) {
      collect(c.getComponentType(), seen, byName);
      return;
    }
    if (!c.getName().startsWith(BASE)) {
      return;
    }
    Schema named = c.getAnnotation(Schema.class);
    String name = named != null && !named.name().isEmpty() ? named.name() : c.getSimpleName();
    byName.computeIfAbsent(name, n -> new HashSet<>()).add(c);
    if (c.isRecord()) {
      for (RecordComponent component : c.getRecordComponents()) {
        collect(component.getGenericType(), seen, byName);
      }
    }
  }

  private static Class<?> requestBody(HandlerMethod handler) {
    for (MethodParameter parameter : handler.getMethodParameters()) {
      if (parameter.hasParameterAnnotation(RequestBody.class)) {
        return parameter.getParameterType();
      }
    }
    return null;
  }

  private static Set<String> paths(RequestMappingInfo info) {
    return info.getPathPatternsCondition() != null
        ? info.getPathPatternsCondition().getPatternValues()
        : info.getPatternValues();
  }

  private static String first(JsonNode security) {
    return security.get(0).fieldNames().next();
  }

  private static List<String> names(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** The project's version from the pom, as a client reads it in the document. */
  private static String projectVersion() throws Exception {
    String pom = Files.readString(Path.of("pom.xml"));
    Matcher m =
        Pattern.compile("</parent>.*?<version>([^<]+)</version>", Pattern.DOTALL).matcher(pom);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }
}
