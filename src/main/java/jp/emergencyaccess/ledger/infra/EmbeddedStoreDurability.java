package jp.emergencyaccess.ledger.infra;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Refuses to start on an H2 store that holds commits in memory: with a write delay above 0, H2
 * writes committed changes to its file only up to that long after the commit, so a ledger killed in
 * between would have answered lookups that are not in the store (README, "What a crash keeps"). The
 * embedded default's URL sets {@code WRITE_DELAY=0}; this catches a URL of one's own without it.
 * Other databases are left alone: their commit is durable by their own settings.
 */
@Component
class EmbeddedStoreDurability implements SmartInitializingSingleton {
  private final DataSource dataSource;

  EmbeddedStoreDurability(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (!EmbeddedStore.isH2(dataSource)) {
      return;
    }
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet setting =
            statement.executeQuery(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
                    + " WHERE SETTING_NAME = 'WRITE_DELAY'")) {
      String delay = setting.next() ? setting.getString(1) : null;
      if (!"0".equals(delay)) {
        throw new IllegalStateException(
            "the H2 store writes commits to its file up to "
                + delay
                + " ms after they return, so a crash would lose answered commands:"
                + " add WRITE_DELAY=0 to spring.datasource.url");
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not read the H2 store's write delay", e);
    }
  }
}
