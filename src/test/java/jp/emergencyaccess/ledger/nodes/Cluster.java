package jp.emergencyaccess.ledger.nodes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.EmbeddedPostgresInitializer;
import jp.emergencyaccess.ledger.support.LedgerProcess;

/**
 * Several ledgers, each in a JVM of its own (nothing of one node's memory is visible to another, as
 * on separate machines), on one database of the embedded PostgreSQL server, each reached over its
 * own HTTP port; a test sends each request to the node it names, as a load balancer may. The first
 * node starts alone (it runs the migrations), the others together.
 */
final class Cluster implements AutoCloseable {
  private final String jdbcUrl;
  private final Path dir;
  private final List<LedgerProcess> nodes = new ArrayList<>();

  private Cluster(String jdbcUrl, Path dir) {
    this.jdbcUrl = jdbcUrl;
    this.dir = dir;
  }

  static Cluster start(int size) {
    try {
      Cluster cluster =
          new Cluster(
              EmbeddedPostgresInitializer.newDatabase(),
              Files.createTempDirectory(Path.of("target"), "nodes-").toAbsolutePath());
      cluster.nodes.add(cluster.startNode(0));
      List<CompletableFuture<LedgerProcess>> others = new ArrayList<>();
      for (int n = 1; n < size; n++) {
        int node = n;
        others.add(CompletableFuture.supplyAsync(() -> cluster.startNode(node)));
      }
      try {
        others.forEach(f -> cluster.nodes.add(f.join()));
      } catch (RuntimeException failed) {
        cluster.close();
        throw failed;
      }
      return cluster;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private LedgerProcess startNode(int n) {
    Path data = dir.resolve("node-" + n);
    return LedgerProcess.start(
        data.resolve("ledger.log"),
        List.of(
            "--spring.profiles.active=postgres,test",
            "--spring.datasource.url=" + jdbcUrl,
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=postgres",
            "--ledger.data-dir=" + data));
  }

  int size() {
    return nodes.size();
  }

  LedgerProcess node(int n) {
    return nodes.get(n);
  }

  Api api(int n) {
    return nodes.get(n).api();
  }

  /** The nodes that still run (not {@link LedgerProcess#kill() killed}). */
  List<Integer> alive() {
    List<Integer> alive = new ArrayList<>();
    for (int n = 0; n < nodes.size(); n++) {
      if (nodes.get(n).isAlive()) {
        alive.add(n);
      }
    }
    return alive;
  }

  /** One number the store answers, read straight from the shared database (the test's oracle). */
  long count(String sql, Object... arguments) {
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
        var statement = c.prepareStatement(sql)) {
      for (int i = 0; i < arguments.length; i++) {
        statement.setObject(i + 1, arguments[i]);
      }
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  @Override
  public void close() {
    nodes.parallelStream().forEach(LedgerProcess::close);
  }
}
