package io.datamint.spark.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnknownConfKeysTest {

  @Test
  void eachUnknownKeyIsReportedOnceNamingTheClosestValidKey() {
    List<String> lines = new ArrayList<>();
    UnknownConfKeys reporter = new UnknownConfKeys(lines::add);
    assertThat(reporter.report("spark.datamint.tag", "tags")).isTrue();
    assertThat(reporter.report("spark.datamint.tag", "tags")).isFalse();
    assertThat(reporter.report("spark.datamint.zzzz", null)).isTrue();
    assertThat(reporter.report("spark.datamint.zzzz", null)).isFalse();
    assertThat(lines)
        .containsExactly(
            "ignoring Spark conf spark.datamint.tag: no datamint option is named \"tag\"; did you mean "
                + "spark.datamint.tags? (this warning is written once per JVM)",
            "ignoring Spark conf spark.datamint.zzzz: no datamint option is named \"zzzz\" (this warning is written once "
                + "per JVM)");
  }
}
