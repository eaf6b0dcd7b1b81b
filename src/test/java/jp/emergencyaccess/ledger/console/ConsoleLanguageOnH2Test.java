package jp.emergencyaccess.ledger.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.HttpTest;
import jp.emergencyaccess.ledger.support.OnH2;
import org.junit.jupiter.api.Test;

/**
 * The console's language stays the console's (ConsoleLanguage, ConsoleLocaleResolver): its pages
 * are Japanese whatever the browser's Accept-Language says, and the API keeps the locale Spring
 * Boot resolves, so the console's cookie never words the API's answers.
 */
@OnH2
class ConsoleLanguageOnH2Test extends HttpTest {

  @Test
  void theConsole_isJapaneseWhateverTheBrowserPrefers_andSwitchesOnlyToALanguageItHas() {
    Api.Reply preferringEnglish = login("", "en-US,en;q=0.9");
    assertThat(preferringEnglish.status()).isEqualTo(200);
    assertThat(preferringEnglish.text())
        .contains("<html lang=\"ja\"", "ログイン")
        .doesNotContain("Sign in");
    assertThat(languageCookies(preferringEnglish)).as("nothing to remember").isEmpty();

    Api.Reply french = login("?lang=fr", "fr");
    assertThat(french.text()).contains("<html lang=\"ja\"", "ログイン");
    assertThat(languageCookies(french)).as("a language without words is ignored").isEmpty();

    Api.Reply english = login("?lang=en", "ja");
    assertThat(english.text()).contains("<html lang=\"en\"", "Sign in");
    assertThat(languageCookies(english))
        .singleElement()
        .satisfies(c -> assertThat(c).startsWith("console-lang=en;").contains("HttpOnly"));
  }

  @Test
  void theApi_wordsItsValidationMessages_inAcceptLanguage_notInTheConsolesCookie() {
    Api mhlw = api().as("mhlw");
    Api.Reply refused =
        mhlw.send(
            mhlw.request("/api/notices")
                .header("Content-Type", "application/json")
                .header("Accept-Language", "en")
                .header("Cookie", "console-lang=ja")
                .POST(HttpRequest.BodyPublishers.ofString("{\"noticeId\": \"\"}")));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.json().get("errors").findValues("message").stream().map(m -> m.asText()))
        .as("Bean Validation's own English, as before the console had a language")
        .contains("must not be blank", "must not be null");
  }

  private Api.Reply login(String query, String acceptLanguage) {
    Api anonymous = api().anonymous();
    return anonymous.send(
        anonymous
            .request("/console/login" + query)
            .header("Accept-Language", acceptLanguage)
            .GET());
  }

  private static List<String> languageCookies(Api.Reply reply) {
    return reply.response().headers().allValues("Set-Cookie").stream()
        .filter(c -> c.startsWith("console-lang="))
        .toList();
  }
}
