package io.datamint.spark.internal.api.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One client per settings and JVM, reference-counted; settings that never show the key. */
class ApiClientsTest {

  private Duration saved;

  @AfterEach
  void restoreKeepAlive() {
    if (saved != null) {
      ApiClients.keepAlive(saved);
    }
  }

  @Test
  void equalSettingsShareOneClientAndOtherKeysOrLimitsDoNot() {
    ApiSettings a = ApiSettings.of("http://127.0.0.1:1/", "key-one");
    try (ApiClients.Lease one = ApiClients.acquire(a);
        ApiClients.Lease same =
            ApiClients.acquire(ApiSettings.of("http://127.0.0.1:1", "key-one"));
        ApiClients.Lease otherKey =
            ApiClients.acquire(ApiSettings.of("http://127.0.0.1:1", "key-two"));
        ApiClients.Lease otherLimit = ApiClients.acquire(a.withMaxConcurrentRequests(2))) {
      DatamintApiClient client = one.client();
      assertThat(same.client()).isSameAs(client);
      assertThat(otherKey.client()).isNotSameAs(client);
      assertThat(otherLimit.client()).isNotSameAs(client);
      assertThat(client.settings().baseUrl()).isEqualTo("http://127.0.0.1:1");
      assertThat(ApiClients.users(a)).isEqualTo(2);
    }
    assertThat(ApiClients.users(a)).isZero();
  }

  @Test
  void theLastReleaseClosesTheClientAfterTheKeepAliveUnlessItIsAcquiredAgain() throws Exception {
    saved = ApiClients.keepAlive(Duration.ofMillis(300));
    ApiSettings s = ApiSettings.of("http://127.0.0.1:2", "lifecycle");
    ApiClients.Lease first = ApiClients.acquire(s);
    DatamintApiClient client = first.client();
    first.close();
    first.close(); // idempotent: one release only
    assertThat(ApiClients.users(s)).isZero();
    assertThatThrownBy(first::client).isInstanceOf(IllegalStateException.class);
    try (ApiClients.Lease again = ApiClients.acquire(s)) { // within the keep-alive: same client
      assertThat(again.client()).isSameAs(client);
      Thread.sleep(600); // in use: never closed, however long
      try (ApiClients.Lease third = ApiClients.acquire(s)) {
        assertThat(third.client()).isSameAs(client);
      }
      assertThat(ApiClients.users(s)).isEqualTo(1);
    }
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (isOpen(s) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(isOpen(s)).as("closed and evicted after the keep-alive").isFalse();
    try (ApiClients.Lease fresh = ApiClients.acquire(s)) {
      assertThat(fresh.client()).isNotSameAs(client);
    }
  }

  @Test
  void aZeroKeepAliveClosesAtTheLastRelease() {
    saved = ApiClients.keepAlive(Duration.ZERO);
    ApiSettings s = ApiSettings.of("http://127.0.0.1:3", "zero");
    long before = ApiClients.created();
    try (ApiClients.Lease a = ApiClients.acquire(s)) {
      try (ApiClients.Lease b = ApiClients.acquire(s)) {
        assertThat(b.client()).isSameAs(a.client());
      }
      assertThat(isOpen(s)).isTrue();
    }
    assertThat(isOpen(s)).isFalse();
    assertThat(ApiClients.created() - before).isEqualTo(1);
    assertThatThrownBy(() -> ApiClients.keepAlive(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static boolean isOpen(ApiSettings s) {
    return ApiClients.contains(s);
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
