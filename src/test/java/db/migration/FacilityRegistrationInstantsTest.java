package db.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The migration takes each facility's registration instant from its stored event. */
class FacilityRegistrationInstantsTest {
  @Test
  void facilitiesWithoutTheirInstant_getTheAtOfTheirRegistrationEvent() throws Exception {
    try (Connection c =
        DriverManager.getConnection("jdbc:h2:mem:facility-instants;MODE=PostgreSQL", "sa", "")) {
      try (Statement s = c.createStatement()) {
        s.execute("create table domainevententry (payloadtype varchar(255), payload bytea)");
        s.execute("create table facility (facility_code varchar(10) primary key, at_ms bigint)");
        s.execute("insert into facility values ('1710990019', null), ('1640110019', 42)");
      }
      try (PreparedStatement insert =
          c.prepareStatement("insert into domainevententry values (?, ?)")) {
        for (String[] event :
            new String[][] {
              {"1710990019", "2023-12-01T00:00:00Z"}, {"1640110019", "2024-02-01T00:00:00Z"}
            }) {
          insert.setString(1, V95_5__FacilityRegistrationInstants.TYPE);
          insert.setBytes(
              2,
              ("{\"facilityCode\":\""
                      + event[0]
                      + "\",\"kind\":\"CLINIC\",\"name\":\"n\",\"nameKana\":\"n\","
                      + "\"postalCode\":\"926-8611\",\"address\":\"a\",\"municipalityCode\":"
                      + "\"172022\",\"phone\":\"0767-53-1111\",\"at\":\""
                      + event[1]
                      + "\"}")
                  .getBytes(StandardCharsets.UTF_8));
          insert.executeUpdate();
        }
        insert.setString(1, "jp.emergencyaccess.ledger.notice.NoticeRegistered");
        insert.setBytes(2, "{\"at\":\"2020-01-01T00:00:00Z\"}".getBytes(StandardCharsets.UTF_8));
        insert.executeUpdate();
      }

      V95_5__FacilityRegistrationInstants.fill(c);

      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select facility_code, at_ms from facility order by 1")) {
        rs.next();
        assertThat(rs.getString(1)).isEqualTo("1640110019");
        assertThat(rs.getLong(2)).as("a known instant is kept").isEqualTo(42L);
        rs.next();
        assertThat(rs.getLong(2)).isEqualTo(Instant.parse("2023-12-01T00:00:00Z").toEpochMilli());
      }
    }
  }
}
