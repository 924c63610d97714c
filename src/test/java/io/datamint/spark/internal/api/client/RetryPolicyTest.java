package io.datamint.spark.internal.api.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  @Test
  void retriesTooManyRequestsAndServerErrorsOnly() {
    assertThat(RetryPolicy.retryable(429)).isTrue();
    assertThat(RetryPolicy.retryable(500)).isTrue();
    assertThat(RetryPolicy.retryable(503)).isTrue();
    assertThat(RetryPolicy.retryable(400)).isFalse();
    assertThat(RetryPolicy.retryable(401)).isFalse();
    assertThat(RetryPolicy.retryable(404)).isFalse();
    assertThat(RetryPolicy.retryable(422)).isFalse();
  }

  @Test
  void boundsTheAttempts() {
    RetryPolicy policy = new RetryPolicy(3);
    assertThat(policy.hasNext(1)).isTrue();
    assertThat(policy.hasNext(2)).isTrue();
    assertThat(policy.hasNext(3)).isFalse();
    assertThat(new RetryPolicy(1).hasNext(1)).isFalse();
  }

  @Test
  void backsOffExponentiallyWithHalfOfEachStepRandom() {
    RetryPolicy low = new RetryPolicy(10, () -> 0.0);
    RetryPolicy high = new RetryPolicy(10, () -> 0.999999);
    long base = RetryPolicy.BASE_DELAY.toMillis();
    for (int attempt = 1; attempt <= 4; attempt++) {
      long step = base << (attempt - 1);
      assertThat(low.delayMillis(attempt, OptionalLong.empty())).isEqualTo(step / 2);
      assertThat(high.delayMillis(attempt, OptionalLong.empty())).isBetween(step - 1, step);
    }
    long max = RetryPolicy.MAX_DELAY.toMillis();
    assertThat(high.delayMillis(40, OptionalLong.empty())).isBetween(max - 1, max);
    assertThat(low.delayMillis(40, OptionalLong.empty())).isEqualTo(max / 2);
  }

  @Test
  void honoursRetryAfterUpToACapPlusATenthAtRandom() {
    RetryPolicy half = new RetryPolicy(5, () -> 0.5);
    assertThat(half.delayMillis(1, OptionalLong.of(3000))).isEqualTo(3150);
    assertThat(new RetryPolicy(5, () -> 0.0).delayMillis(1, OptionalLong.of(3000))).isEqualTo(3000);
    assertThat(half.delayMillis(4, OptionalLong.of(0))).isZero();
    long cap = RetryPolicy.MAX_RETRY_AFTER.toMillis();
    assertThat(half.delayMillis(1, OptionalLong.of(3_600_000))).isEqualTo(cap + cap / 20);
  }

  @Test
  void readsRetryAfterAsSecondsOrAnHttpDate() {
    Instant now = Instant.parse("2026-11-24T10:00:00Z");
    assertThat(RetryPolicy.parseRetryAfter("7", now)).hasValue(7000);
    assertThat(RetryPolicy.parseRetryAfter(" 0 ", now)).hasValue(0);
    assertThat(RetryPolicy.parseRetryAfter("Tue, 24 Nov 2026 10:00:30 GMT", now)).hasValue(30_000);
    assertThat(RetryPolicy.parseRetryAfter("Tue, 24 Nov 2026 09:00:00 GMT", now)).hasValue(0);
    assertThat(RetryPolicy.parseRetryAfter("-3", now)).isEmpty();
    assertThat(RetryPolicy.parseRetryAfter("soon", now)).isEmpty();
    assertThat(RetryPolicy.parseRetryAfter(null, now)).isEmpty();
  }
}
