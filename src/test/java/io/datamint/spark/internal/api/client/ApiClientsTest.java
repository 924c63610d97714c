package io.datamint.spark.internal.api.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** One client per settings and JVM; settings that never show the key. */
class ApiClientsTest {

  @Test
  void equalSettingsShareOneClientAndOtherKeysOrLimitsDoNot() {
    ApiSettings a = ApiSettings.of("http://127.0.0.1:1/", "key-one");
    DatamintApiClient client = ApiClients.shared(a);
    assertThat(ApiClients.shared(ApiSettings.of("http://127.0.0.1:1", "key-one"))).isSameAs(client);
    assertThat(ApiClients.shared(ApiSettings.of("http://127.0.0.1:1", "key-two")))
        .isNotSameAs(client);
    assertThat(ApiClients.shared(a.withMaxConcurrentRequests(2))).isNotSameAs(client);
    assertThat(client.settings().baseUrl()).isEqualTo("http://127.0.0.1:1");
  }

  @Test
  void settingsNeverPrintTheKeyAndRefuseUnusableUrls() {
    ApiSettings s =
        new ApiSettings(
            "https://api.datamint.io",
            "sk-very-secret",
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            3,
            4);
    assertThat(s.toString())
        .doesNotContain("sk-very-secret")
        .contains("***", "https://api.datamint.io");
    assertThat(s.identity()).doesNotContain("sk-very-secret");
    assertThatThrownBy(() -> ApiSettings.of("api.datamint.io", null))
        .hasMessageContaining("http:// or https://");
    assertThatThrownBy(() -> ApiSettings.of("https://user:pw@api.datamint.io", null))
        .hasMessageContaining("must not carry credentials")
        .hasMessageNotContaining("pw@");
    assertThatThrownBy(() -> ApiSettings.of("ftp://user:pw@api.datamint.io", null))
        .hasMessageNotContaining("pw@");
    assertThatThrownBy(() -> ApiSettings.of("https://api.datamint.io/?key=x", null))
        .hasMessageContaining("must not carry credentials");
    assertThatThrownBy(() -> s.withMaxAttempts(0)).hasMessageContaining("at least 1");
  }
}
