package io.datamint.spark.internal.prefetch;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.DatamintPrefetch;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The prefetch's internal data source runs only the jobs the driver planned. */
class PrefetchJobsTest {

  @Test
  void aReadOfTheInternalSourceWithoutAPlannedJobNamesThePublicEntryPoint() {
    assertThatThrownBy(() -> PrefetchJobs.lookUp(Map.of(PrefetchJobs.JOB_OPTION, "no-such-job")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(DatamintPrefetch.class.getName() + ".run(spark, options, outPath)")
        .hasMessageContaining("no-such-job on this driver");
    assertThatThrownBy(() -> PrefetchJobs.lookUp(Map.of()))
        .hasMessageContaining("named in the options");
  }
}
