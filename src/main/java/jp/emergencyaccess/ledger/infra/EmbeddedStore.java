package jp.emergencyaccess.ledger.infra;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Which database the ledger's data source is: the embedded H2 store needs a few precautions. */
final class EmbeddedStore {
  private EmbeddedStore() {}

  /** Whether {@code dataSource} is the embedded H2 store (asked once, at start). */
  static boolean isH2(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return "H2".equals(connection.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      throw new IllegalStateException("could not tell which database the store is", e);
    }
  }
}
