package jp.emergencyaccess.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import jp.emergencyaccess.ledger.support.HttpTest;
import jp.emergencyaccess.ledger.support.OnH2;
import org.junit.jupiter.api.Test;

/** The API describes itself: an OpenAPI document generated from the code, and its UI. */
@OnH2
class ApiDocsOnH2Test extends HttpTest {
  @Test
  void theOpenApiDocumentListsTheCommandPaths() {
    var docs = api().get("/v3/api-docs");
    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.json().get("paths").has("/api/regions/{regionCode}/activate")).isTrue();
    assertThat(docs.json().get("paths").has("/api/notices")).isTrue();
    assertThat(api().get("/swagger-ui/index.html").status()).isEqualTo(200);
  }

  @Test
  void healthIsOpen() {
    var health = api().get("/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().get("status").asText()).isEqualTo("UP");
  }
}
