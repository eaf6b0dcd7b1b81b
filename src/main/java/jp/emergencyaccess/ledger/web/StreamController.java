package jp.emergencyaccess.ledger.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.RegionCode;
import jp.emergencyaccess.ledger.facility.FacilityCode;
import jp.emergencyaccess.ledger.monitoring.EventStream;
import jp.emergencyaccess.ledger.monitoring.StreamFilter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live event stream of SPEC §7 as server-sent events. {@code Last-Event-ID} (sent by browsers
 * on reconnect) wins over {@code from}; both mean "the events after this position". Without either,
 * the stream starts at the current head.
 */
@RestController
class StreamController {
  private static final String TYPE_NAME = "[A-Za-z][A-Za-z0-9]{0,99}";

  private final EventStream stream;

  StreamController(EventStream stream) {
    this.stream = stream;
  }

  @Operation(summary = "Live event stream (Server-Sent Events), resumable with Last-Event-ID")
  @ApiResponse(
      responseCode = "200",
      description =
          "id: the event's position; event: its type; data: {position, type, at, recordedAt,"
              + " payload, …}",
      content = @Content(mediaType = "text/event-stream", schema = @Schema(type = "string")))
  @GetMapping("/api/stream")
  SseEmitter stream(
      @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String types,
      @RequestParam(required = false) String facility,
      @RequestParam(required = false) String region) {
    Long after = null;
    if (lastEventId != null && !lastEventId.isBlank()) {
      after = position("Last-Event-ID", lastEventId);
    } else if (from != null) {
      after = position("from", from);
    }
    StreamFilter filter =
        new StreamFilter(
            types == null ? null : typeNames(types),
            facility == null ? null : FacilityCode.parse("facility", facility).value(),
            region == null ? null : RegionCode.parse("region", region));
    return stream.open(after, filter);
  }

  @ExceptionHandler(EventStream.TooManySubscribers.class)
  ResponseEntity<Object> busy(EventStream.TooManySubscribers e) {
    return Problems.answer(
        Problems.problem(
            HttpStatus.SERVICE_UNAVAILABLE, "stream-busy", "Stream busy", e.getMessage()));
  }

  private static long position(String field, String value) {
    try {
      long position = Long.parseLong(value.trim());
      if (position >= -1) {
        return position;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw new InvalidField(field, "must be an event position (an integer, -1 for the beginning)");
  }

  private static Set<String> typeNames(String types) {
    Set<String> names = new LinkedHashSet<>();
    for (String name : Arrays.stream(types.split(",")).map(String::trim).toList()) {
      if (!name.matches(TYPE_NAME)) {
        throw new InvalidField("types", "must be a comma-separated list of event type names");
      }
      names.add(name);
    }
    return names;
  }
}
