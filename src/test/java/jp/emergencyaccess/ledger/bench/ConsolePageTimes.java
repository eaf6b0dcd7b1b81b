package jp.emergencyaccess.ledger.bench;

import static jp.emergencyaccess.ledger.bench.BenchmarkSuite.check;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.emergencyaccess.ledger.support.Api;

/**
 * (6) The console's pages as an MHLW official opens them, signed in through the login form: the
 * time from sending the GET to the whole HTML page received, on loopback in the same JVM (so the
 * server's time plus the client's reading). The facility page is the busy facility's.
 */
final class ConsolePageTimes {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Pattern ALERT_LINK = Pattern.compile("href=\"/console/alerts/([^\"?]+)\"");

  private final String base;
  private final int queries;
  private final HttpClient http;

  ConsolePageTimes(Api api, int queries) {
    this.base = api.base();
    this.queries = queries;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Each page's latencies, by page. */
  Map<String, Latencies> measure(String busyFacility) {
    signIn("mhlw");
    Map<String, Latencies> result = new LinkedHashMap<>();
    result.put("console 活性化の状況", latencies("/console/activation", "gantt"));
    result.put("console 申出 (queue)", latencies("/console/applications", "申出"));
    result.put("console アラート (queue)", latencies("/console/alerts", "アラート"));
    Matcher alert = ALERT_LINK.matcher(get("/console/alerts").body());
    if (alert.find()) {
      result.put(
          "console アラート (one alert)", latencies("/console/alerts/" + alert.group(1), "reasons"));
    }
    result.put("console 事案 (list)", latencies("/console/inquiries", "事案"));
    result.put(
        "console 施設の照会履歴 (busy facility)",
        latencies("/console/facilities/" + busyFacility, "daily-chart"));
    result.put(
        "console 施設の照会履歴 (busy facility, denials of 3 days)",
        latencies(
            "/console/facilities/"
                + busyFacility
                + "?decision=DENIED&from=2024-02-10&to=2024-02-12",
            "history"));
    result.put("console 監視", latencies("/console/monitoring", "live"));
    return result;
  }

  private void signIn(String account) {
    HttpResponse<String> login = get("/console/login");
    Matcher token = CSRF.matcher(login.body());
    check(token.find(), "no CSRF token on the login page");
    String form =
        "username="
            + account
            + "&password="
            + account
            + "&_csrf="
            + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
    HttpResponse<String> signedIn =
        send(
            HttpRequest.newBuilder(URI.create(base + "/console/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    check(
        signedIn.statusCode() == 302
            && !signedIn.headers().firstValue("Location").orElse("").contains("error"),
        "console sign-in failed: " + signedIn.statusCode() + " " + signedIn.headers());
  }

  private Latencies latencies(String path, String marker) {
    HttpResponse<String> first = get(path);
    check(
        first.statusCode() == 200 && first.body().contains(marker),
        path + " answered " + first.statusCode() + " without " + marker);
    for (int i = 0; i < Math.min(20, queries); i++) {
      get(path);
    }
    Latencies latencies = new Latencies(queries);
    for (int i = 0; i < queries; i++) {
      long sent = System.nanoTime();
      HttpResponse<String> page = get(path);
      latencies.add(System.nanoTime() - sent);
      check(page.statusCode() == 200, path + " answered " + page.statusCode());
    }
    return latencies;
  }

  private HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
