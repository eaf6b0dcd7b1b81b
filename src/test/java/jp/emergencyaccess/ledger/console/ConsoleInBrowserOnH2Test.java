package jp.emergencyaccess.ledger.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import jp.emergencyaccess.ledger.activation.NoticeSeriesLoader;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.HttpTest;
import jp.emergencyaccess.ledger.support.Ministry;
import jp.emergencyaccess.ledger.support.OnH2;
import jp.emergencyaccess.ledger.support.TestCodes;
import jp.emergencyaccess.ledger.timetravel.NotoFacts;
import jp.emergencyaccess.ledger.workbench.WorkbenchWorld;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The console in a real browser (Debian's chromium, driven through chromium-driver at its explicit
 * path, so Selenium Manager never downloads anything): one browser for the class, on the shared H2
 * application. Without chromium the class fails, it does not skip: CI installs both (.ci/run).
 * Screenshots of each page go to target/screenshots/.
 */
@OnH2
class ConsoleInBrowserOnH2Test extends HttpTest {
  private static final File DRIVER = new File("/usr/bin/chromedriver");
  private static final File CHROMIUM = new File("/usr/bin/chromium");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private static ChromeDriverService service;
  private static ChromeDriver browser;

  @Autowired NoticeSeriesLoader loader;

  @BeforeAll
  static void startBrowser() throws IOException {
    assertThat(DRIVER)
        .as("chromium-driver (apt-get install chromium chromium-driver; .ci/run installs them)")
        .canRead();
    assertThat(CHROMIUM).as("chromium").canRead();
    service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1000,1300",
        "--lang=ja");
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
    if (service != null) {
      service.stop();
    }
  }

  @BeforeEach
  void loadNotoAndSignOut() {
    loader.load(NoticeSeriesLoader.NOTO_2024);
    browser.get(url("/console/login"));
    browser.manage().deleteAllCookies();
  }

  @Test
  void eachRole_seesOnlyItsPages_andAFacilityNone() throws Exception {
    signIn("console-fund");
    assertThat(navLabels()).containsExactly("活性化の状況", "申出", "アラート", "事案", "施設の照会履歴");
    assertThat(statusOf("/console/monitoring")).isEqualTo(403);
    browser.get(url("/console/monitoring"));
    assertThat(text("denied")).contains("403");

    signIn("console-monitor");
    assertThat(navLabels()).containsExactly("監視");
    assertThat(statusOf("/console/activation")).isEqualTo(403);
    assertThat(statusOf("/console/alerts")).isEqualTo(403);
    assertThat(statusOf("/console/inquiries")).isEqualTo(403);
    assertThat(statusOf("/console/facilities")).isEqualTo(403);
    assertThat(statusOf("/console/applications")).isEqualTo(403);
    assertThat(statusOf("/console/monitoring")).isEqualTo(200);

    signIn("console-mhlw");
    assertThat(navLabels()).containsExactly("活性化の状況", "申出", "アラート", "事案", "施設の照会履歴", "監視");
    assertThat(browser.findElements(By.cssSelector("#pages a"))).hasSize(6);
    screenshot("home");

    signIn("console-clinic");
    assertThat(text("denied")).contains("アクセスできません");
    assertThat(navLabels()).isEmpty();
    assertThat(statusOf("/console")).isEqualTo(403);
    assertThat(statusOf("/console/activation")).isEqualTo(403);
    assertThat(statusOf("/console/alerts")).isEqualTo(403);
    screenshot("denied");
  }

  @Test
  void wrongPassword_staysOnTheLoginPage_andLogout_endsTheSession() throws Exception {
    browser.get(url("/console/activation"));
    assertThat(browser.getCurrentUrl()).endsWith("/console/login");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ja");
    assertThat(browser.findElement(By.cssSelector("label[for=username]")).getText())
        .contains("アカウント名");
    screenshot("login");
    type("username", "console-mhlw");
    type("password", "wrong");
    browser.findElement(By.id("sign-in")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("login-error")));
    assertThat(statusOf("/console/activation")).isEqualTo(302);

    signIn("console-mhlw");
    String session = sessionCookie();
    assertThat(statusOf("/console/activation")).isEqualTo(200);
    browser.findElement(By.id("logout")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("logged-out")));
    HttpResponse<String> old = get("/console/activation", session);
    assertThat(old.statusCode()).isEqualTo(302);
    assertThat(old.headers().firstValue("Location").orElse("")).endsWith("/console/login");
  }

  @Test
  void aPostWithoutTheCsrfToken_isRefused_andChangesNothing() throws Exception {
    signIn("console-mhlw");
    String session = sessionCookie();
    HttpResponse<String> logout =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url("/console/logout")))
                .header("Cookie", "JSESSIONID=" + session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(""))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(logout.statusCode()).isEqualTo(403);
    assertThat(get("/console/activation", session).statusCode())
        .as("the session survives the refused logout")
        .isEqualTo(200);

    HttpResponse<String> login =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url("/console/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username=console-mhlw&password=console-mhlw"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(403);
    String issued =
        login.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .map(c -> c.substring("JSESSIONID=".length(), c.indexOf(';')))
            .findFirst()
            .orElse("none");
    assertThat(get("/console/activation", issued).statusCode())
        .as("the refused sign-in signed nobody in")
        .isEqualTo(302);
  }

  @Test
  void movingTheRevision_movesNanaosBar_andSaysWhatChanged() {
    signIn("console-mhlw");
    browser.get(url("/console/activation?revision=" + NotoFacts.SCOPE_1));
    assertThat(nanaoBar().getAttribute("data-until")).isEqualTo("2024-01-07");
    assertThat(nanaoBar().getAttribute("data-notice")).isEqualTo(NotoFacts.SCOPE_1);
    assertThat(nanaoLabel()).isEqualTo("第1版 〜1/7");
    assertThat(nanaoRow("until")).isEqualTo("2024-01-07");
    assertThat(changes()).contains("七尾市: 1/1〜1/7 開始");

    browser.findElement(By.cssSelector("a[data-revision='" + NotoFacts.EXT_8 + "']")).click();
    waiting().until(ExpectedConditions.urlContains(NotoFacts.EXT_8));
    assertThat(nanaoBar().getAttribute("data-until")).isEqualTo("2024-02-29");
    assertThat(nanaoLabel()).isEqualTo("第5版（その8） 〜2/29");
    assertThat(nanaoRow("notice")).contains(NotoFacts.EXT_8);
    assertThat(changes()).contains("七尾市: 2/14 → 2/29 延長", "氷見市: 2/14 → 2/14 終了");

    new Select(browser.findElement(By.id("revision"))).selectByValue(NotoFacts.EXT_9);
    WebElement at = browser.findElement(By.id("at"));
    ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2024-03-05'", at);
    browser.findElement(By.cssSelector("#as-of button[type=submit]")).click();
    waiting().until(ExpectedConditions.urlContains("at=2024-03-05"));
    assertThat(nanaoBar().getAttribute("data-until")).isEqualTo("2024-03-07");
    assertThat(nanaoBar().getAttribute("class")).isEqualTo("bar");
    assertThat(
            browser
                .findElement(By.cssSelector("rect[data-region='" + NotoFacts.HIMI + "']"))
                .getAttribute("class"))
        .as("氷見市 ended on 2/14: grey on 3/5")
        .isEqualTo("bar off");
    assertThat(changes()).contains("七尾市: 2/29 → 3/7 延長");
    assertThat(text("active-count")).isEqualTo(String.valueOf(NotoFacts.ISHIKAWA_19.size()));
    assertThat(browser.findElement(By.id("published-heading")).getText()).contains("公表リスト");
    screenshot("activation");
  }

  /**
   * Japanese first, English switchable: {@code ?lang=en} on the login page switches it, the sign-in
   * form posts with its CSRF token as in Japanese, a cookie keeps English on the pages a link leads
   * to, and the header's link switches back on the same page.
   */
  @Test
  void english_isSwitchedOnByLang_keptByItsCookie_andSwitchedBackByTheHeadersLink() {
    browser.get(url("/console/login?lang=en"));
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
    assertThat(browser.findElement(By.cssSelector("label[for=username]")).getText())
        .contains("Account name");
    assertThat(text("language")).isEqualTo("日本語");
    type("username", "console-mhlw");
    type("password", "console-mhlw");
    browser.findElement(By.id("sign-in")).click();
    waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/console/login")));
    assertThat(navLabels())
        .containsExactly(
            "Activation", "Applications", "Alerts", "Inquiries", "Facility lookups", "Monitoring");
    assertThat(browser.manage().getCookieNamed("console-lang").getValue()).isEqualTo("en");

    browser.get(url("/console/activation?revision=" + NotoFacts.EXT_8));
    assertThat(browser.findElement(By.cssSelector("#periods thead th")).getText())
        .isEqualTo("Municipality");
    assertThat(nanaoLabel())
        .as("NoticeLabels, the title's number quoted")
        .isEqualTo("Rev. 5（その8） until 2/29");
    assertThat(changes())
        .as("RevisionWords: the municipality's name as the master has it, the frame in English")
        .contains("七尾市: 2/14 → 2/29 extended", "氷見市: 2/14 → 2/14 ended");
    screenshot("activation-en");

    browser.findElement(By.cssSelector("header nav a[href$='/console/alerts']")).click();
    waiting().until(ExpectedConditions.urlContains("/console/alerts"));
    assertThat(browser.getCurrentUrl()).doesNotContain("lang=");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Alerts");
    assertThat(statusChoices())
        .as("AlertWords")
        .containsExactly("All", "New", "Under review", "Dismissed", "Escalated");

    browser.findElement(By.id("language")).click();
    waiting().until(ExpectedConditions.urlContains("lang=ja"));
    assertThat(URI.create(browser.getCurrentUrl()).getPath()).isEqualTo("/console/alerts");
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ja");
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("アラート");
    assertThat(statusChoices()).containsExactly("すべて", "新規", "確認中", "却下", "事案化");
    assertThat(navLabels()).containsExactly("活性化の状況", "申出", "アラート", "事案", "施設の照会履歴", "監視");
    assertThat(text("language")).isEqualTo("English");
  }

  @Test
  void theSeriesSelect_showsAnotherSeriesWithItsRevisions() {
    String series = TestCodes.series();
    String noticeId =
        new Ministry(api()).issuesRevision("series", series, 1, "2024-03-01", "シリーズ選択の試験");

    signIn("console-fund");
    browser.get(url("/console/activation"));
    Select choice = new Select(browser.findElement(By.id("series-choice")));
    assertThat(choice.getFirstSelectedOption().getAttribute("value")).isEqualTo("noto-2024");
    assertThat(choice.getOptions().get(0).getAttribute("value"))
        .as("the default series first")
        .isEqualTo("noto-2024");
    choice.selectByValue(series);
    browser.findElement(By.id("show-series")).click();
    waiting().until(ExpectedConditions.urlContains("series=" + series));
    assertThat(browser.findElement(By.tagName("h1")).getText()).contains(series);
    assertThat(browser.findElements(By.cssSelector("#revisions a")))
        .extracting(a -> a.getAttribute("data-revision"))
        .containsExactly(noticeId);
    assertThat(
            new Select(browser.findElement(By.id("series-choice")))
                .getFirstSelectedOption()
                .getAttribute("value"))
        .isEqualTo(series);
  }

  @Test
  void theLivePanel_showsAnEventRecordedMeanwhile() {
    signIn("console-monitor");
    browser.get(url("/console/monitoring"));
    assertThat(text("health-status")).isIn("UP", "DEGRADED");
    assertThat(browser.findElements(By.cssSelector("#processors tr[data-processor]")))
        .extracting(r -> r.getAttribute("data-processor"))
        .contains("access-history");
    waiting()
        .until(ExpectedConditions.textToBe(By.id("live-status"), "ストリームに接続しました。新しいイベントを待っています。"));

    String noticeId = registerNotice("console-live", "ライブパネルの確認");

    waiting()
        .until(
            ExpectedConditions.presenceOfElementLocated(
                By.xpath(
                    "//ol[@id='live']/li[@data-type='NoticeRegistered' and contains(., '"
                        + noticeId
                        + "')]")));
    assertThat(browser.findElement(By.cssSelector("#live-counts")).isDisplayed()).isTrue();
    assertThat(browser.findElements(By.cssSelector("#per-minute tbody tr")))
        .as("events per minute by type")
        .isNotEmpty()
        .anySatisfy(r -> assertThat(r.getText()).contains("NoticeRegistered"));
    assertThat(browser.findElements(By.cssSelector("#per-minute-chart rect.bar")))
        .hasSameSizeAs(browser.findElements(By.cssSelector("#per-minute tbody tr")));
    screenshot("monitoring");
  }

  @Test
  void anAlert_isTakenAndEscalatedFromItsPage_andEveryReadIsInTheAuditorsLog() {
    String facility = facilityWithFiveDenials();
    String queue = "/console/alerts?facility=" + facility;

    signIn("console-mhlw");
    browser.get(url(queue));
    WebElement row = browser.findElement(By.cssSelector("#alerts tbody tr"));
    assertThat(row.getText()).contains("拒否された照会", "新規");
    row.findElement(By.tagName("a")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("reasons")));
    assertThat(browser.findElements(By.id("take"))).as("MHLW reads, FUND triages").isEmpty();

    signIn("console-fund");
    long before = storedEvents();
    browser.get(url("/console/alerts?prefecture=99"));
    assertThat(text("problem")).contains("01〜47");
    assertThat(storedEvents()).as("a refused filter records no read").isEqualTo(before);

    browser.get(url(queue));
    screenshot("alerts");
    browser.findElement(By.cssSelector("#alerts tbody tr a")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("take")));
    String alertId = browser.findElement(By.cssSelector("#facts code")).getText();
    assertThat(text("reasons")).contains("拒否");
    assertThat(browser.findElements(By.cssSelector("#lookups tbody tr")))
        .as("the five denials behind the alert")
        .hasSize(5)
        .allSatisfy(r -> assertThat(r.getText()).contains("dr-console", "拒否"));
    browser.findElement(By.id("take")).click();
    waiting().until(ExpectedConditions.textToBe(By.id("done"), "担当しました。"));
    assertThat(text("status")).isEqualTo("確認中");
    assertThat(text("assignee")).isEqualTo("console-fund");

    browser.findElement(By.id("escalate")).click();
    browser.switchTo().alert().accept();
    waiting().until(ExpectedConditions.textToBe(By.id("done"), "事案にしました。"));
    assertThat(text("status")).isEqualTo("事案化");
    String inquiryId = text("inquiry");
    screenshot("alert");

    JsonNode stored = api().as("fund").get("/api/alerts/" + alertId).json();
    assertThat(stored.get("status").asText()).isEqualTo("ESCALATED");
    assertThat(stored.get("assignee").asText()).isEqualTo("console-fund");
    assertThat(stored.get("inquiryId").asText()).isEqualTo(inquiryId);
    JsonNode log = api().as("mhlw").get("/api/auditors-log?account=console-fund&limit=50").json();
    List<String> reads =
        java.util.stream.StreamSupport.stream(log.get("items").spliterator(), false)
            .filter(
                e ->
                    e.get("subject").asText().equals(facility)
                        || e.get("subject").asText().equals(alertId))
            .map(e -> e.get("action").asText())
            .toList();
    assertThat(reads).contains("ALERT_QUEUE", "ALERT", "ALERT_TAKEN", "ALERT_ESCALATED");
  }

  @Test
  void
      aFacilitysPage_showsItsDaysAndHistory_filtersToTheDenials_drillsToTheViewer_andDownloadsTheCsv()
          throws Exception {
    String account = TestCodes.facilityAccount();
    var place = new WorkbenchWorld.Place(account, TestCodes.facilityCodeOf(account));
    String municipality = TestCodes.okinawaMunicipality();
    var world = new WorkbenchWorld(api());
    world.register(place, "CLINIC", municipality);
    world.activateFebruary(municipality);
    String at20 = WorkbenchWorld.at(20, 9, 0);
    for (int i = 0; i < 3; i++) {
      String patient = "console-fact-patient-" + i;
      String consent = world.consent(place, patient, i == 2, at20);
      Api.Reply allowed =
          world.view(place, "dr-fact-" + i, patient, consent, WorkbenchWorld.at(20, 9, 10 + i));
      assertThat(allowed.status()).as(allowed.toString()).isEqualTo(201);
    }
    for (int i = 0; i < 2; i++) {
      Api.Reply denied =
          world.view(
              place, "dr-night", "console-fact-patient-" + i, null, WorkbenchWorld.at(21, 2, i));
      assertThat(denied.status()).as(denied.toString()).isEqualTo(403);
    }
    String code = place.facilityCode();
    world.awaitAttempts(code, 5);

    signIn("console-fund");
    long before = storedEvents();
    browser.get(url("/console/facilities/" + code + "?from=2024-02-30"));
    assertThat(text("problem")).contains("YYYY-MM-DD");
    assertThat(browser.findElements(By.id("history"))).isEmpty();
    assertThat(storedEvents()).as("a refused filter records no read").isEqualTo(before);

    browser.get(url("/console/facilities"));
    type("code", code);
    browser.findElement(By.id("open")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("days")));
    assertThat(text("facility-name")).isEqualTo("ワークベンチ施設 " + account);
    assertThat(dayRow("2024-02-20")).isEqualTo(List.of("3", "3", "0", "1"));
    assertThat(dayRow("2024-02-21")).isEqualTo(List.of("2", "0", "2", "0"));
    WebElement column =
        browser.findElement(By.cssSelector("#daily-chart g[data-day='2024-02-20']"));
    assertThat(column.getAttribute("data-allowed")).isEqualTo("3");
    assertThat(column.getAttribute("data-exemption")).isEqualTo("1");
    assertThat(browser.findElements(By.cssSelector("#daily-chart rect.covered")))
        .as("February's activation shaded behind the columns")
        .hasSize(1);
    assertThat(text("coverage")).contains("2024-02-01", "2024-02-29");
    assertThat(browser.findElements(By.cssSelector("#history tbody tr"))).hasSize(5);
    assertThat(text("history")).contains("緊急例外", "同意の記録なし");
    assertThat(browser.getPageSource()).doesNotContain("console-fact-patient");
    screenshot("facility");

    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("decision")))
        .selectByVisibleText("拒否");
    browser.findElement(By.id("apply")).click();
    waiting().until(ExpectedConditions.urlContains("decision=DENIED"));
    List<WebElement> denied = browser.findElements(By.cssSelector("#history tbody tr"));
    assertThat(denied)
        .hasSize(2)
        .allSatisfy(r -> assertThat(r.getText()).contains("dr-night", "拒否"));
    assertThat(browser.findElement(By.cssSelector("#summary td.attempts")).getText())
        .isEqualTo("2");

    String csv = browser.findElement(By.id("csv")).getAttribute("href");
    HttpResponse<String> download =
        get(URI.create(csv).getRawPath() + "?" + URI.create(csv).getRawQuery(), sessionCookie());
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    List<String> lines = download.body().strip().lines().toList();
    assertThat(lines).as(download.body()).hasSize(3);
    assertThat(lines.subList(1, 3))
        .allSatisfy(l -> assertThat(l).contains(code, "dr-night", "DENIED"));
    assertThat(download.body()).doesNotContain("console-fact-patient");

    denied.get(0).findElement(By.cssSelector("a.viewer")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("viewer-lookups")));
    assertThat(browser.findElements(By.cssSelector("#viewer-lookups tbody tr"))).hasSize(2);
    assertThat(browser.findElements(By.cssSelector("#viewer-patients tbody tr"))).hasSize(2);

    JsonNode log = api().as("mhlw").get("/api/auditors-log?account=console-fund&limit=50").json();
    List<String> reads =
        java.util.stream.StreamSupport.stream(log.get("items").spliterator(), false)
            .filter(e -> e.get("subject").asText().equals(code))
            .map(e -> e.get("action").asText())
            .toList();
    assertThat(reads).contains("ACCESS_HISTORY", "ACCESS_CSV", "VIEWER_DRILLDOWN");
  }

  @Test
  void mhlw_registersANoticeOfItsOwnSeries_andActivatesAMunicipality_fromTheForms() {
    String series = TestCodes.series();
    String noticeId = TestCodes.noticeId("console-form");
    String municipality = TestCodes.municipality();

    signIn("console-mhlw");
    browser.get(url("/console/activation?series=" + series));
    assertThat(browser.findElement(By.id("notice-series")).getAttribute("value"))
        .as("the form registers into the page's series by default")
        .isEqualTo(series);
    assertThat(browser.findElement(By.id("notice-revision")).getAttribute("value")).isEqualTo("1");
    assertThat(browser.findElements(By.id("region-form"))).as("no notice to cite yet").isEmpty();
    type("notice-id", noticeId);
    setDate("notice-issued-on", "2025-01-06");
    type("notice-title", "コンソールから登録した告示");
    submitConfirmed("register-notice");
    waiting().until(ExpectedConditions.textToBe(By.id("done"), "告示 " + noticeId + " を登録しました。"));
    assertThat(browser.findElements(By.cssSelector("a[data-revision='" + noticeId + "']")))
        .as("the new revision among the series' revisions")
        .hasSize(1);

    type("region-code", municipality);
    new Select(browser.findElement(By.id("region-action"))).selectByValue("ACTIVATE");
    setDate("region-from", "2025-01-06");
    setDate("region-until", "2025-01-31");
    new Select(browser.findElement(By.id("region-notice"))).selectByValue(noticeId);
    submitConfirmed("change-region");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("done")));
    assertThat(text("done")).contains(municipality, "開始", noticeId);
    WebElement bar = barOf(municipality);
    assertThat(bar.getAttribute("data-from")).isEqualTo("2025-01-06");
    assertThat(bar.getAttribute("data-until")).isEqualTo("2025-01-31");
    assertThat(bar.getAttribute("data-notice")).isEqualTo(noticeId);

    type("region-code", municipality);
    new Select(browser.findElement(By.id("region-action"))).selectByValue("EXTEND");
    setDate("region-until", "2025-02-14");
    submitConfirmed("change-region");
    waiting()
        .until(
            ExpectedConditions.textMatches(By.id("done"), java.util.regex.Pattern.compile("延長")));
    assertThat(barOf(municipality).getAttribute("data-until"))
        .as("the bar moved to the new last day")
        .isEqualTo("2025-02-14");
    screenshot("activation-forms");

    JsonNode region = api().as("mhlw").get("/api/regions/" + municipality).json();
    assertThat(region.get("periods")).hasSize(1);
    assertThat(region.get("periods").get(0).get("until").asText()).isEqualTo("2025-02-14");
    assertThat(region.get("periods").get(0).get("noticeId").asText()).isEqualTo(noticeId);
  }

  @Test
  void aRefusedForm_showsTheApisMessage_andRecordsNothing_andFundSeesNoForms() throws Exception {
    String series = TestCodes.series();
    String noticeId = TestCodes.noticeId("console-refused");
    String municipality = TestCodes.municipality();
    signIn("console-mhlw");
    browser.get(url("/console/activation?series=" + series));
    type("notice-id", noticeId);
    setDate("notice-issued-on", "2025-03-01");
    type("notice-title", "拒否の確認のための告示");
    submitConfirmed("register-notice");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("done")));

    long before = storedEvents();
    type("region-code", municipality);
    new Select(browser.findElement(By.id("region-action"))).selectByValue("ACTIVATE");
    setDate("region-from", "2025-03-10");
    setDate("region-until", "2025-03-09");
    submitConfirmed("change-region");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("problem")));
    assertThat(text("problem"))
        .isEqualTo("記録できませんでした: 終了日（until）: must not be before from (2025-03-10)");
    assertThat(browser.findElement(By.id("region-code")).getAttribute("value"))
        .as("what was typed is handed back")
        .isEqualTo(municipality);
    assertThat(browser.findElements(By.cssSelector("rect[data-region='" + municipality + "']")))
        .isEmpty();

    new Select(browser.findElement(By.id("region-action"))).selectByValue("EXTEND");
    setDate("region-until", "2025-03-31");
    submitConfirmed("change-region");
    waiting()
        .until(
            ExpectedConditions.textMatches(
                By.id("problem"), java.util.regex.Pattern.compile("REGION_NEVER_ACTIVATED")));
    assertThat(text("problem"))
        .isEqualTo(
            "記録できませんでした: region "
                + municipality
                + " has never been activated, so it cannot be extended（REGION_NEVER_ACTIVATED）");

    type("notice-id", TestCodes.noticeId("console-refused"));
    type("notice-revision", "1");
    type("notice-title", "同じ版番号の告示");
    submitConfirmed("register-notice");
    waiting()
        .until(
            ExpectedConditions.textMatches(
                By.id("problem"), java.util.regex.Pattern.compile("NOTICE_REVISION_TAKEN")));
    assertThat(text("problem"))
        .startsWith("登録できませんでした: revision 1 of series " + series)
        .contains("is already notice " + noticeId);
    screenshot("activation-refused");
    String takenRevision =
        "noticeId="
            + TestCodes.noticeId("console-refused")
            + "&series="
            + series
            + "&revision=1&issuedOn=2025-03-02&title=posted";
    assertThat(postForm("/console/activation/notices", takenRevision).statusCode())
        .as("the session's token passes: MHLW's post is judged (and refused) by the ledger")
        .isEqualTo(302);
    assertThat(storedEvents()).as("a refused form records nothing").isEqualTo(before);

    signIn("console-fund");
    browser.get(url("/console/activation?series=" + series));
    assertThat(browser.findElements(By.cssSelector("main form[method=post]")))
        .as("FUND reads the page without MHLW's forms")
        .isEmpty();
    assertThat(text("revisions")).contains("第1版");
    HttpResponse<String> posted =
        postForm(
            "/console/activation/notices",
            "noticeId="
                + TestCodes.noticeId("console-fund")
                + "&series="
                + series
                + "&revision=2&issuedOn=2025-03-02&title=fund");
    assertThat(posted.statusCode()).as("FUND may not post MHLW's forms").isEqualTo(403);
    assertThat(storedEvents()).isEqualTo(before);
  }

  @Test
  void verifying_theWholeChainFromMonitoring_findsNoTampering() throws Exception {
    registerNotice("console-verify", "検証の対象になるイベント");

    signIn("console-monitor");
    browser.get(url("/console/monitoring"));
    assertThat(browser.findElements(By.id("verify")))
        .as("the API lets MHLW and FUND verify, not MONITOR")
        .isEmpty();
    assertThat(postForm("/console/monitoring/verify", "").statusCode()).isEqualTo(403);

    signIn("console-mhlw");
    browser.get(url("/console/monitoring"));
    assertThat(text("verify-form")).contains("数分かかる");
    assertThat(postForm("/console/monitoring/verify", "").statusCode())
        .as("MHLW's token and role pass where MONITOR's role did not")
        .isEqualTo(302);
    browser.findElement(By.id("verify")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("verification-headline")));
    assertThat(text("verification-headline")).isEqualTo("改ざんは見つかりませんでした。");
    String checked = text("verification-details");
    var count = java.util.regex.Pattern.compile("までの (\\d+) 件のイベントを確かめました").matcher(checked);
    assertThat(count.find()).as(checked).isTrue();
    assertThat(Long.parseLong(count.group(1))).isPositive();
    screenshot("monitoring-verify");
  }

  private List<String> dayRow(String day) {
    return browser.findElements(By.cssSelector("#days tr[data-day='" + day + "'] td")).stream()
        .skip(1)
        .map(WebElement::getText)
        .toList();
  }

  @Test
  void anAlert_triagedToASuspension_getsTheFacilitysLookupsDeniedAfterwards() {
    WorkbenchWorld.Place place = placeWithFiveDenials();
    String facility = place.facilityCode();

    signIn("console-fund");
    browser.get(url("/console/alerts?facility=" + facility));
    browser.findElement(By.cssSelector("#alerts tbody tr a")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("take")));
    browser.findElement(By.id("take")).click();
    waiting().until(ExpectedConditions.textToBe(By.id("done"), "担当しました。"));
    browser.findElement(By.id("escalate")).click();
    browser.switchTo().alert().accept();
    waiting().until(ExpectedConditions.textToBe(By.id("done"), "事案にしました。"));
    String inquiryId = text("inquiry");

    browser.findElement(By.id("inquiry-link")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("timeline")));
    assertThat(text("inquiry-id")).isEqualTo(inquiryId);
    assertThat(text("state")).isEqualTo("調査中");
    assertThat(text("service")).isEqualTo("利用中");
    assertThat(steps()).containsExactly("開始");

    type("suspend-reason", "同意のない照会の繰り返し");
    browser.findElement(By.id("suspend")).click();
    browser.switchTo().alert().accept();
    waiting().until(ExpectedConditions.textToBe(By.id("done"), "利用を一時停止しました。"));
    assertThat(steps()).containsExactly("開始", "一時停止");
    assertThat(
            browser
                .findElement(By.cssSelector("#timeline tr[data-type='FacilityServiceSuspended']"))
                .getText())
        .contains("+09:00", "同意のない照会の繰り返し");
    assertThat(text("service")).isEqualTo("一時停止中");
    screenshot("inquiry");

    long before = storedEvents();
    type("suspend-reason", "もう一度");
    browser.findElement(By.id("suspend")).click();
    browser.switchTo().alert().accept();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("problem")));
    assertThat(text("problem")).contains("すでに一時停止中", "ALREADY_SUSPENDED");
    assertThat(storedEvents()).as("a refused measure records nothing").isEqualTo(before);
    assertThat(steps()).containsExactly("開始", "一時停止");

    Api.Reply lookup =
        new WorkbenchWorld(api()).view(place, "dr-console", "console-patient-after", null, null);
    assertThat(lookup.status()).as(lookup.toString()).isEqualTo(403);
    assertThat(lookup.json().get("reasons").toString()).contains("FACILITY_SUSPENDED");

    browser.get(url("/console/inquiries?facility=" + facility));
    WebElement row =
        browser.findElement(By.cssSelector("#inquiries tr[data-inquiry='" + inquiryId + "']"));
    assertThat(row.getText()).contains(facility, "調査中", "一時停止", "+09:00");
    screenshot("inquiries");

    signIn("console-mhlw");
    browser.get(url("/console/inquiries"));
    browser
        .findElement(By.cssSelector("#inquiries tr[data-inquiry='" + inquiryId + "'] a"))
        .click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("timeline")));
    assertThat(steps()).containsExactly("開始", "一時停止");
    assertThat(browser.findElements(By.cssSelector("main form")))
        .as("MHLW reads, FUND acts")
        .isEmpty();
  }

  @Test
  void anApplication_isApprovedFromItsPage_andTheFacilityIsSwitchedOnForThePeriod() {
    String account = TestCodes.facilityAccount();
    var place = new WorkbenchWorld.Place(account, TestCodes.facilityCodeOf(account));
    var world = new WorkbenchWorld(api());
    world.register(place, "CLINIC", TestCodes.okinawaMunicipality());
    String code = place.facilityCode();
    String approvedId = submitApplication(place, "2024-03-01", "2024-03-31");
    String rejectedId = submitApplication(place, "2024-05-01", "2024-05-31");

    signIn("console-mhlw");
    browser.get(url("/console/applications"));
    WebElement row = applicationRow(approvedId);
    assertThat(row.getText())
        .contains(code, "ワークベンチ施設 " + account, "2024-03-01〜2024-03-31", "+09:00", "審査待ち");
    screenshot("applications");
    row.findElement(By.tagName("a")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("attestations")));
    assertThat(text("application-id")).isEqualTo(approvedId);
    assertThat(text("state")).isEqualTo("審査待ち");
    assertThat(text("form")).contains("診療所", "ワークベンチシセツ", "892-8577", "099-224-1111");
    assertThat(text("reason")).isEqualTo("離島からの避難者を受け入れ、服薬情報の確認が必要なため");
    assertThat(text("requested")).isEqualTo("2024-03-01〜2024-03-31");
    assertThat(text("applicant-name")).isEqualTo("沖縄 太郎");
    assertThat(browser.findElements(By.cssSelector("#attestations td.answer")))
        .extracting(WebElement::getText)
        .containsExactly("✓ 誓約あり", "✓ 誓約あり", "✓ 誓約あり");
    assertThat(browser.findElement(By.id("from")).getAttribute("value"))
        .as("the period asked for, by default")
        .isEqualTo("2024-03-01");
    assertThat(browser.findElement(By.id("until")).getAttribute("value")).isEqualTo("2024-03-31");

    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].value = '2024-03-20'", browser.findElement(By.id("until")));
    browser.findElement(By.id("approve")).click();
    browser.switchTo().alert().accept();
    waiting().until(ExpectedConditions.textToBe(By.id("done"), "承認しました。"));
    assertThat(text("state")).isEqualTo("承認");
    assertThat(text("granted")).isEqualTo("2024-03-01〜2024-03-20");
    assertThat(text("decided-by")).isEqualTo("console-mhlw");
    assertThat(browser.findElement(By.id("activation-link")).getAttribute("href"))
        .endsWith("/console/activation");
    assertThat(browser.findElements(By.id("approve"))).as("decided once").isEmpty();
    screenshot("application");

    JsonNode published =
        java.util.stream.StreamSupport.stream(
                api()
                    .as("monitor")
                    .get("/api/facilities/individually-activated")
                    .json()
                    .spliterator(),
                false)
            .filter(f -> f.get("facilityCode").asText().equals(code))
            .findFirst()
            .orElseThrow(() -> new AssertionError(code + " is not on the published list"));
    assertThat(published.at("/periods/0/from").asText()).isEqualTo("2024-03-01");
    assertThat(published.at("/periods/0/until").asText()).isEqualTo("2024-03-20");
    assertThat(published.at("/periods/0/applicationId").asText()).isEqualTo(approvedId);
    String consent =
        world.consent(place, "console-applicant-patient", false, "2024-03-10T09:00:00+09:00");
    Api.Reply within =
        world.view(
            place, "dr-apply", "console-applicant-patient", consent, "2024-03-10T09:05:00+09:00");
    assertThat(within.status()).as(within.toString()).isEqualTo(201);
    assertThat(within.json().get("decision").asText()).isEqualTo("ALLOWED");
    Api.Reply after =
        world.view(
            place, "dr-apply", "console-applicant-patient", consent, "2024-03-21T09:05:00+09:00");
    assertThat(after.status()).as("the day after the approved period").isEqualTo(403);
    assertThat(after.json().get("reasons").toString()).contains("NOT_ACTIVATED");

    browser.get(url("/console/applications?state=APPROVED"));
    assertThat(applicationRow(approvedId).getText()).contains("承認");
    assertThat(
            browser.findElements(
                By.cssSelector("#applications tr[data-application='" + rejectedId + "']")))
        .as("still waiting")
        .isEmpty();

    browser.get(url("/console/applications/" + rejectedId));
    long before = storedEvents();
    type("reject-reason", "   ");
    browser.findElement(By.id("reject")).click();
    browser.switchTo().alert().accept();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("problem")));
    assertThat(text("problem")).isEqualTo("却下の理由を入力してください。");
    assertThat(storedEvents()).as("a refused rejection records nothing").isEqualTo(before);
    assertThat(text("state")).isEqualTo("審査待ち");

    signIn("console-fund");
    browser.get(url("/console/applications"));
    applicationRow(rejectedId).findElement(By.tagName("a")).click();
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("attestations")));
    assertThat(text("state")).isEqualTo("審査待ち");
    assertThat(browser.findElements(By.cssSelector("main form")))
        .as("MHLW decides, FUND reads")
        .isEmpty();
  }

  private WebElement applicationRow(String applicationId) {
    return browser.findElement(
        By.cssSelector("#applications tr[data-application='" + applicationId + "']"));
  }

  /** Form 別添1 over the API as the facility's own account, every attestation given. */
  private String submitApplication(WorkbenchWorld.Place place, String from, String until) {
    java.util.Map<String, Object> form = new java.util.LinkedHashMap<>();
    form.put("facilityCode", place.facilityCode());
    form.put("kind", "CLINIC");
    form.put("name", "ワークベンチ施設 " + place.account());
    form.put("nameKana", "ワークベンチシセツ");
    form.put("postalCode", "892-8577");
    form.put("address", "鹿児島市山下町11-1");
    form.put("phone", "099-224-1111");
    form.put("reason", "離島からの避難者を受け入れ、服薬情報の確認が必要なため");
    form.put("requestedFrom", from);
    form.put("requestedUntil", until);
    form.put(
        "attestations",
        java.util.Map.of(
            "medicalCareOnly", true, "authorizedViewersOnly", true, "sanctionsAcknowledged", true));
    form.put("applicant", java.util.Map.of("name", "沖縄 太郎", "address", "沖縄県那覇市泉崎1-2-2"));
    Api.Reply submitted = api().as(place.account()).post("/api/applications", form);
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
    return submitted.json().get("applicationId").asText();
  }

  private List<String> statusChoices() {
    return new Select(browser.findElement(By.id("status")))
        .getOptions().stream().map(WebElement::getText).toList();
  }

  private List<String> steps() {
    return browser.findElements(By.cssSelector("#timeline tbody td.step")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private String facilityWithFiveDenials() {
    return placeWithFiveDenials().facilityCode();
  }

  /**
   * A fresh facility, registered and active for February 2024, whose viewer is denied five times on
   * 2/21 (no consent): one DENIALS alert, waited for in the queue.
   */
  private WorkbenchWorld.Place placeWithFiveDenials() {
    String account = TestCodes.facilityAccount();
    var place = new WorkbenchWorld.Place(account, TestCodes.facilityCodeOf(account));
    String municipality = TestCodes.okinawaMunicipality();
    var world = new WorkbenchWorld(api());
    world.register(place, "CLINIC", municipality);
    world.activateFebruary(municipality);
    for (int i = 0; i < 5; i++) {
      Api.Reply denied =
          world.view(
              place, "dr-console", "console-patient-" + i, null, WorkbenchWorld.at(21, 10, i));
      assertThat(denied.status()).as(denied.toString()).isEqualTo(403);
    }
    String code = place.facilityCode();
    waiting()
        .until(
            d ->
                api().as("fund").get("/api/alerts?facility=" + code).json().get("items").size()
                    == 1);
    return place;
  }

  private static WebDriverWait waiting() {
    return new WebDriverWait(browser, Duration.ofSeconds(15));
  }

  private void signIn(String account) {
    browser.get(url("/console/login"));
    browser.manage().deleteAllCookies();
    browser.get(url("/console/login"));
    type("username", account);
    type("password", account);
    browser.findElement(By.id("sign-in")).click();
    waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/console/login")));
  }

  private void type(String id, String value) {
    WebElement field = browser.findElement(By.id(id));
    field.clear();
    field.sendKeys(value);
  }

  private List<String> navLabels() {
    return browser.findElements(By.cssSelector("header nav a")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  private void setDate(String id, String value) {
    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].value = arguments[1]", browser.findElement(By.id(id)), value);
  }

  private void submitConfirmed(String buttonId) {
    browser.findElement(By.id(buttonId)).click();
    browser.switchTo().alert().accept();
  }

  private WebElement barOf(String regionCode) {
    return browser.findElement(By.cssSelector("rect[data-region='" + regionCode + "']"));
  }

  /**
   * A form post from the signed-in browser's session with its CSRF token (read off the logout
   * form), so that only the role decides the answer.
   */
  private HttpResponse<String> postForm(String path, String body) throws Exception {
    String token =
        browser.findElement(By.cssSelector("header form input[name=_csrf]")).getAttribute("value");
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Cookie", "JSESSIONID=" + sessionCookie())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    body + (body.isEmpty() ? "" : "&") + "_csrf=" + token))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private WebElement nanaoBar() {
    return browser.findElement(By.cssSelector("rect[data-region='" + NotoFacts.NANAO + "']"));
  }

  private String nanaoLabel() {
    return browser
        .findElement(By.cssSelector("text.bar-label[data-region='" + NotoFacts.NANAO + "']"))
        .getText();
  }

  private String nanaoRow(String cell) {
    return browser
        .findElement(
            By.cssSelector("#periods tr[data-region='" + NotoFacts.NANAO + "'] td." + cell))
        .getText();
  }

  private List<String> changes() {
    return browser.findElements(By.cssSelector("#changes li")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private String sessionCookie() {
    Cookie cookie = browser.manage().getCookieNamed("JSESSIONID");
    assertThat(cookie).as("a console session").isNotNull();
    return cookie.getValue();
  }

  /** The status the signed-in browser's session gets for a page, without following redirects. */
  private int statusOf(String path) throws Exception {
    return get(path, sessionCookie()).statusCode();
  }

  private HttpResponse<String> get(String path, String session) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Cookie", "JSESSIONID=" + session)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private void screenshot(String name) {
    File shot = browser.getScreenshotAs(OutputType.FILE);
    try {
      Files.copy(
          shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
