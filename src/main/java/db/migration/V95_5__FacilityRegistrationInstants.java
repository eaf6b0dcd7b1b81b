package db.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills {@code facility.at_ms} (added by V95_4) for facilities registered before it, from their
 * stored {@code FacilityRegistered} events, whose {@code at} is when the registration happened in
 * the world. Only the embedded and postgres modes keep the events in this database; under Axon
 * Server there are none here, the column stays null and such facilities count as registered at
 * every instant until the facility directory is rebuilt from the events.
 */
public class V95_5__FacilityRegistrationInstants extends BaseJavaMigration {
  static final String TYPE = "jp.emergencyaccess.ledger.facility.FacilityRegistered";
  private static final int BATCH = 1000;

  @Override
  public void migrate(Context context) throws Exception {
    fill(context.getConnection());
  }

  /** Sets the registration instant of every facility that has none, from its event. */
  static int fill(Connection connection) throws Exception {
    ObjectMapper json = new ObjectMapper();
    int filled = 0;
    try (PreparedStatement read =
            connection.prepareStatement(
                "select payload from domainevententry where payloadtype = ?");
        PreparedStatement write =
            connection.prepareStatement(
                "update facility set at_ms = ? where facility_code = ? and at_ms is null")) {
      read.setString(1, TYPE);
      try (ResultSet rows = read.executeQuery()) {
        while (rows.next()) {
          JsonNode event = json.readTree(rows.getBytes(1));
          JsonNode at = event.get("at");
          JsonNode code = event.get("facilityCode");
          if (at == null || !at.isTextual() || code == null) {
            continue;
          }
          write.setLong(1, Instant.parse(at.asText()).toEpochMilli());
          write.setString(2, code.asText());
          write.addBatch();
          if (++filled % BATCH == 0) {
            write.executeBatch();
          }
        }
      }
      write.executeBatch();
    }
    return filled;
  }
}
