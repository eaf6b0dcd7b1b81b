package jp.emergencyaccess.ledger.history;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The access history's downloads, written row by row from the history's chunks so a long history is
 * never all in memory: CSV ({@link AccessCsv}) and a FHIR R4 Bundle of AuditEvents ({@link
 * AuditEventBundle}). The API and the console serve the same bytes.
 */
@Component
public class AccessExports {
  private final AccessHistoryQueries history;
  private final ObjectMapper json;

  AccessExports(AccessHistoryQueries history, ObjectMapper json) {
    this.history = history;
    this.json = json;
  }

  public void csv(AccessQuery query, OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    AccessCsv csv = new AccessCsv(writer);
    csv.header();
    history.forEach(query, csv::row);
    writer.flush();
  }

  /** The Bundle, stamped with {@code now} (the request's time). */
  public void fhir(AccessQuery query, OutputStream out, Instant now) throws IOException {
    try (JsonGenerator generator = json.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      AuditEventBundle bundle = new AuditEventBundle(generator);
      bundle.start(UUID.randomUUID().toString(), now);
      history.forEach(query, bundle::entry);
      bundle.end();
    }
  }
}
