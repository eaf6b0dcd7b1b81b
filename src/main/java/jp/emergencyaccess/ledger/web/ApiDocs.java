package jp.emergencyaccess.ledger.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.emergencyaccess.ledger.infra.Role;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document (/v3/api-docs): the ledger's name and version, both ways of signing in, and
 * on every operation the problem+json answers it can give besides its success, so that a client
 * team can code against the document alone. Operations whose success differs from what their
 * signature says (a lookup's 201 or 403) say so on their controller method.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocs {
  static final String PROBLEM_JSON = "application/problem+json";
  static final String PROBLEM = "#/components/schemas/Problem";
  static final String VIEW_DENIED = "#/components/schemas/ViewDenied";
  static final String BASIC = "basic";
  static final String BEARER = "bearer";

  @Bean
  OpenAPI ledgerApi(@Value("${spring.application.version:unknown}") String version) {
    return new OpenAPI()
        .info(
            new Info()
                .title("Emergency Access Ledger")
                .version(version)
                .description(
                    "Event-sourced audit and activation ledger for the disaster-time emergency"
                        + " medical information function. Every refusal is"
                        + " application/problem+json (RFC 9457); a refused request records"
                        + " nothing, a denied lookup is recorded and answered 403."))
        .components(
            new Components()
                .addSecuritySchemes(
                    BASIC,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("basic")
                        .description(
                            "The configured accounts (ledger.accounts.*); ledger.auth.mode=basic,"
                                + " the embedded default."))
                .addSecuritySchemes(
                    BEARER,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description(
                            "An identity provider's token (ledger.auth.mode=jwt): its role claim"
                                + " names one of "
                                + Arrays.stream(Role.values())
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", "))
                                + "; a FACILITY's token names its facility code."))
                .addSchemas("Problem", problem())
                .addSchemas("FieldError", fieldError())
                .addSchemas(
                    "ViewDenied",
                    new ComposedSchema()
                        .addAllOfItem(new Schema<>().$ref(PROBLEM))
                        .addAllOfItem(new Schema<>().$ref("#/components/schemas/ViewAnswer"))
                        .description(
                            "A denied lookup: the problem fields and the recorded view"
                                + " (viewId, decision DENIED, reasons, patientRef, …)")));
  }

  /** Groups operations by controller (Facility, Region, …) instead of "facility-controller". */
  @Bean
  GlobalOperationCustomizer ledgerTags() {
    return (operation, handler) -> {
      String name = handler.getBeanType().getSimpleName().replace("Controller", "");
      operation.setTags(List.of(name));
      return operation;
    };
  }

  @Bean
  GlobalOpenApiCustomizer problemAnswers(@Value("${ledger.auth.mode:basic}") String mode) {
    String scheme = "jwt".equalsIgnoreCase(mode) ? BEARER : BASIC;
    return api -> {
      if (api.getPaths() == null) {
        return;
      }
      api.getPaths()
          .forEach(
              (path, item) ->
                  item.readOperationsMap().forEach((method, op) -> describe(path, method, op)));
      api.getPaths()
          .values()
          .forEach(
              item ->
                  item.readOperations()
                      .forEach(
                          op ->
                              op.setSecurity(List.of(new SecurityRequirement().addList(scheme)))));
    };
  }

  private static void describe(String path, PathItem.HttpMethod method, Operation op) {
    if (op.getResponses() == null) {
      op.setResponses(new ApiResponses());
    }
    ApiResponses answers = op.getResponses();
    boolean body = op.getRequestBody() != null;
    boolean input = body || (op.getParameters() != null && !op.getParameters().isEmpty());
    if (input) {
      add(
          answers,
          "400",
          "Invalid input; nothing recorded. `errors` names each field and its fault.",
          example(
              400,
              "invalid-request",
              "Invalid request",
              "facilityCode: check digit is wrong",
              Map.of(
                  "errors",
                  List.of(Map.of("field", "facilityCode", "message", "check digit is wrong")))));
    }
    add(
        answers,
        "401",
        "No or bad credentials (with `WWW-Authenticate`); nothing recorded.",
        example(401, null, "Unauthorized", "credentials are missing or wrong", Map.of()));
    add(
        answers,
        "403",
        "The account's role may not call this, or a FACILITY account named another facility;"
            + " nothing recorded.",
        example(
            403,
            "forbidden",
            "Forbidden",
            "account x may act only for facility 4719001010",
            Map.of()));
    if (path.contains("{")) {
      add(
          answers,
          "404",
          "The resource named in the path is unknown.",
          example(
              404, "not-found", "Not found", "notice noto-2024-99 is not registered", Map.of()));
    }
    if (method == PathItem.HttpMethod.POST) {
      add(
          answers,
          "409",
          "A rule of the ledger refuses the command (`rule` names it); nothing recorded.",
          example(
              409,
              "rule-broken",
              "Rule broken",
              "notice noto-2024-99 is not registered",
              Map.of("rule", "NOTICE_UNKNOWN")));
    }
    if (body) {
      add(
          answers,
          "413",
          "The body is larger than the ledger accepts (64 KiB for JSON).",
          example(
              413,
              "body-too-large",
              "Body too large",
              "a request body may be at most 65536 bytes, with a Content-Length",
              Map.of()));
      add(
          answers,
          "415",
          "The body's Content-Type is not one this operation takes.",
          example(
              415,
              null,
              "Unsupported Media Type",
              "Content-Type 'text/plain' is not supported",
              Map.of()));
    }
    ApiResponse unavailable =
        problemAnswer(
            "The store is unreachable; retry after `Retry-After` seconds. Nothing recorded.",
            example(
                503,
                "store-unavailable",
                "Store unavailable",
                "the ledger's store cannot answer or take a write now; send the request again after"
                    + " Retry-After seconds",
                Map.of()));
    unavailable.addHeaderObject(
        "Retry-After",
        new Header().description("Seconds to wait before retrying").schema(new IntegerSchema()));
    answers.putIfAbsent("503", unavailable);
  }

  private static void add(ApiResponses answers, String code, String text, Map<String, ?> example) {
    answers.putIfAbsent(code, problemAnswer(text, example));
  }

  private static ApiResponse problemAnswer(String text, Map<String, ?> example) {
    return new ApiResponse()
        .description(text)
        .content(
            new Content()
                .addMediaType(
                    PROBLEM_JSON,
                    new MediaType().schema(new Schema<>().$ref(PROBLEM)).example(example)));
  }

  private static Map<String, Object> example(
      int status, String type, String title, String detail, Map<String, ?> more) {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", type == null ? "about:blank" : Problems.BASE + type);
    problem.put("title", title);
    problem.put("status", status);
    problem.put("detail", detail);
    problem.putAll(more);
    return problem;
  }

  @SuppressWarnings("rawtypes")
  private static Schema problem() {
    return new ObjectSchema()
        .description("RFC 9457 problem details")
        .addProperty("type", new StringSchema().format("uri"))
        .addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema())
        .addProperty("detail", new StringSchema())
        .addProperty("instance", new StringSchema().format("uri"))
        .addProperty(
            "errors",
            new ArraySchema()
                .items(new Schema<>().$ref("#/components/schemas/FieldError"))
                .description("400: one entry per invalid field"))
        .addProperty("rule", new StringSchema().description("409: the rule the command broke"))
        .required(List.of("type", "title", "status"));
  }

  @SuppressWarnings("rawtypes")
  private static Schema fieldError() {
    return new ObjectSchema()
        .addProperty("field", new StringSchema())
        .addProperty("message", new StringSchema())
        .required(List.of("field", "message"));
  }
}
