package jp.emergencyaccess.ledger.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import jp.emergencyaccess.ledger.LedgerApplication;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.CpuTime;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * What signing in costs per request: the same authenticated GET answered from memory, signed in
 * with Basic ({noop} and {bcrypt} passwords) and with a bearer JWT, from the same client threads,
 * runs alternating between the ledgers in one JVM. A benchmark, not a test: run it by name ({@code
 * mvn -o test -Dtest=AuthCostBenchmark}); it prints figures (docs/performance.md) and asserts only
 * that every request succeeded.
 */
class AuthCostBenchmark {
  private static final int THREADS = 8;
  private static final int REQUESTS = Integer.getInteger("bench.requests", 2000);
  private static final int RUNS = Integer.getInteger("bench.runs", 3);
  private static final String PATH = "/api/activation/check?facility=1710112341";

  @Test
  void basicVersusBearer() throws Exception {
    String bcrypt = "{bcrypt}" + new BCryptPasswordEncoder().encode("bench-bcrypt");
    try (TokenIssuer idp = new TokenIssuer();
        ConfigurableApplicationContext basic =
            start(
                "--ledger.accounts.bench-bcrypt.password=" + bcrypt,
                "--ledger.accounts.bench-bcrypt.role=MONITOR");
        ConfigurableApplicationContext jwt =
            start(
                "--ledger.auth.mode=jwt",
                "--ledger.auth.jwt.issuer-uri=" + TokenIssuer.ISSUER,
                "--ledger.auth.jwt.audiences=" + TokenIssuer.AUDIENCE,
                "--ledger.auth.jwt.jwk-set-uri=" + idp.jwkSetUri())) {
      Api basicApi = Api.at(port(basic));
      String token = idp.sign(TokenIssuer.claims("bench-monitor", "MONITOR"));
      List<Variant> variants =
          List.of(
              new Variant("Basic {noop}", basicApi.as("monitor"), null, REQUESTS),
              // BCrypt is deliberately slow (strength 10), and Basic checks it on every request.
              new Variant(
                  "Basic {bcrypt}",
                  basicApi.as("bench-bcrypt", "bench-bcrypt"),
                  null,
                  REQUESTS / 20),
              new Variant("Bearer JWT (RS256)", Api.at(port(jwt)), "Bearer " + token, REQUESTS));
      for (Variant v : variants) {
        v.measure(v.count / 4); // warm-up
      }
      for (int run = 0; run < RUNS; run++) {
        for (Variant v : variants) {
          v.figures.add(v.measure(v.count));
        }
      }
      System.out.println("Authentication cost, " + THREADS + " client threads, " + PATH);
      for (Variant v : variants) {
        System.out.println(v.name + ": " + String.join(" | ", v.figures));
      }
    }
  }

  private static ConfigurableApplicationContext start(String... extra) {
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--spring.profiles.active=test");
    args.add("--ledger.data-dir=target/test-data/auth-bench-" + UUID.randomUUID());
    args.add("--logging.level.root=WARN");
    args.addAll(List.of(extra));
    return new SpringApplicationBuilder(LedgerApplication.class).run(args.toArray(String[]::new));
  }

  private static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  private static final class Variant {
    final String name;
    final Api api;
    final String authorization;
    final int count;
    final List<String> figures = new ArrayList<>();

    Variant(String name, Api api, String authorization, int count) {
      this.name = name;
      this.api = api;
      this.authorization = authorization;
      this.count = count;
    }

    /** Requests/s and process CPU µs per request (server and client, one JVM). */
    String measure(int count) throws Exception {
      AtomicInteger next = new AtomicInteger();
      AtomicInteger failed = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      long cpu = CpuTime.processNanos();
      long started = System.nanoTime();
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          futures.add(
              pool.submit(
                  () -> {
                    while (next.getAndIncrement() < count) {
                      HttpRequest.Builder request = api.request(PATH);
                      if (authorization != null) {
                        request.header("Authorization", authorization);
                      }
                      if (api.send(request.GET()).status() != 200) {
                        failed.incrementAndGet();
                      }
                    }
                  }));
        }
        for (Future<?> f : futures) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      double cpuMicros = (CpuTime.processNanos() - cpu) / 1e3 / count;
      assertThat(failed.get()).as(name + " failed requests").isZero();
      return String.format(Locale.ROOT, "%.0f req/s, %.0f µs CPU/req", count / seconds, cpuMicros);
    }
  }
}
