package jp.emergencyaccess.ledger.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.facility.FacilityImport;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bulk registration from CSV (UTF-8, header row, the fields of POST /api/facilities). CSV bodies
 * have their own limit (32 MiB, about 200,000 rows); the 64 KiB limit is for JSON only.
 */
@RestController
class FacilityImportController {
  static final long MAX_CSV_BYTES = 32L * 1024 * 1024;
  private final FacilityImport facilityImport;
  private final Clock clock;

  FacilityImportController(FacilityImport facilityImport, Clock clock) {
    this.facilityImport = facilityImport;
    this.clock = clock;
  }

  record ImportAnswer(int imported, OffsetDateTime at) {}

  @Operation(
      summary = "Register many facilities from a CSV file",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
  @ApiResponse(
      responseCode = "201",
      description = "Every row registered",
      content = @Content(schema = @Schema(implementation = ImportAnswer.class)))
  @PostMapping(value = "/api/facilities/import", consumes = "text/csv")
  ResponseEntity<Object> importCsv(
      HttpServletRequest request, @RequestParam(name = "at", required = false) String registeredAt)
      throws IOException {
    if (request.getContentLengthLong() > MAX_CSV_BYTES) {
      return tooLarge();
    }
    // When the registrations happened in the world (`?at=`, an instant or a date), default now: a
    // facility is not registered before it, so history entered afterwards names the real instant.
    Instant requested = JapanTime.parseInstantOrDate("at", registeredAt);
    Instant at = requested == null ? clock.instant() : requested;
    var decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    LimitedStream body = new LimitedStream(request.getInputStream(), MAX_CSV_BYTES);
    try (Reader reader = new InputStreamReader(body, decoder)) {
      int imported = facilityImport.importCsv(reader, at);
      return ResponseEntity.status(HttpStatus.CREATED)
          .body(new ImportAnswer(imported, JapanTime.render(at)));
    } catch (java.nio.charset.CharacterCodingException e) {
      return Problems.answer(
          Problems.invalid(java.util.List.of(Problems.error("body", "is not valid UTF-8 text"))));
    } catch (LimitedStream.TooLarge e) {
      return tooLarge();
    }
  }

  private static ResponseEntity<Object> tooLarge() {
    return Problems.answer(
        Problems.problem(
            HttpStatus.PAYLOAD_TOO_LARGE,
            "body-too-large",
            "Body too large",
            "a CSV import may be at most " + MAX_CSV_BYTES + " bytes"));
  }

  /** Stops reading past the limit, whatever the Content-Length said (or chunked bodies). */
  static final class LimitedStream extends java.io.FilterInputStream {
    static final class TooLarge extends IOException {}

    private long left;

    LimitedStream(InputStream in, long limit) {
      super(in);
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0 && --left < 0) {
        throw new TooLarge();
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        left -= n;
        if (left < 0) {
          throw new TooLarge();
        }
      }
      return n;
    }
  }
}
