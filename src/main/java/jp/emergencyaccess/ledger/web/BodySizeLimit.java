package jp.emergencyaccess.ledger.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses bodies over 64 KiB before anything reads them, whatever their declared type (a body of a
 * type no endpoint takes is refused for its size first, then for its type). Bulk imports (CSV) have
 * their own, larger limit where they are handled. Tomcat reads and discards the rest of a refused
 * body up to {@code server.tomcat.max-swallow-size} (application.yml), so the client gets its 413
 * rather than a connection reset.
 */
@Component
class BodySizeLimit extends OncePerRequestFilter {
  static final long MAX_JSON_BYTES = 64 * 1024;
  private final ObjectMapper json;

  BodySizeLimit(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String type = request.getContentType();
    boolean limited = type == null || !type.startsWith("text/csv");
    long length = request.getContentLengthLong();
    if (limited && (length > MAX_JSON_BYTES || (length < 0 && isChunkedWrite(request)))) {
      var problem =
          Problems.problem(
              HttpStatus.PAYLOAD_TOO_LARGE,
              "body-too-large",
              "Body too large",
              "a request body may be at most 65536 bytes, with a Content-Length");
      response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      json.writeValue(response.getOutputStream(), problem);
      return;
    }
    if (type != null && !isConcrete(type)) {
      var problem =
          Problems.problem(
              HttpStatus.UNSUPPORTED_MEDIA_TYPE,
              "unsupported-media-type",
              "Unsupported media type",
              "the Content-Type must name one media type, such as application/json");
      response.setStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      json.writeValue(response.getOutputStream(), problem);
      return;
    }
    chain.doFilter(request, response);
  }

  /**
   * Whether the Content-Type parses and names no wildcard: Spring MVC cannot represent {@code
   * *}{@code /*} as a request's type and failed with 500 on it.
   */
  private static boolean isConcrete(String type) {
    try {
      MediaType media = MediaType.parseMediaType(type);
      return !media.isWildcardType() && !media.isWildcardSubtype();
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }

  private static boolean isChunkedWrite(HttpServletRequest request) {
    String method = request.getMethod();
    return ("POST".equals(method) || "PUT".equals(method))
        && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
  }
}
