package io.datamint.spark.internal.prefetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.DatamintPrefetch;
import io.datamint.spark.internal.server.FaultPlan;
import io.datamint.spark.prefetch.PrefetchReport;
import io.datamint.spark.testing.SharedSpark;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code prefetch_concurrency} bounds the downloads in flight per executor, whatever the number of
 * tasks running in it: the shared session runs two tasks at once in one JVM.
 */
class PrefetchConcurrencyTest {

  @TempDir Path tmp;

  @Test
  void downloadsInFlightStayWithinTheBoundOfTheExecutor() throws Exception {
    SharedSpark.session();
    try (PrefetchFixture fx = PrefetchFixture.start(tmp, FaultPlan.parse("slowMs=60"));
        CountingProxy proxy = new CountingProxy(fx.url())) {
      PrefetchReport report =
          DatamintPrefetch.run(
              SharedSpark.session(),
              fx.options(
                  "server_url",
                  proxy.url(),
                  "prefetch_concurrency",
                  "3",
                  "prefetch_partitions",
                  "4"),
              tmp.resolve("out").toString());
      assertThat(report.failures()).isEmpty();
      assertThat(report.partitions()).isEqualTo(4);
      assertThat(proxy.downloads()).isEqualTo(32);
      assertThat(proxy.maxInFlight()).isBetween(2, 3);
      assertThat(report.downloadTime()).isPositive().isLessThanOrEqualTo(report.elapsed());
      assertThat(report.bytesPerSecond()).isPositive();

      // one at a time, although two tasks run at once
      proxy.reset();
      PrefetchReport serial =
          DatamintPrefetch.run(
              SharedSpark.session(),
              fx.options(
                  "server_url",
                  proxy.url(),
                  "prefetch_concurrency",
                  "1",
                  "prefetch_partitions",
                  "2"),
              tmp.resolve("serial").toString());
      assertThat(serial.failures()).isEmpty();
      assertThat(proxy.downloads()).isEqualTo(32);
      assertThat(proxy.maxInFlight()).isEqualTo(1);
    }
  }
}
