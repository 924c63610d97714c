package io.datamint.spark.internal.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.internal.sample.SampleProject;
import io.datamint.spark.testing.SharedSpark;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A deferred table is made once, at its first use, and refuses a table whose columns are not those
 * it announced, naming both.
 */
class DeferredTableTest {

  @TempDir static Path root;
  private static SparkSession spark;
  private static DatamintTable sample;

  @BeforeAll
  static void setUp() throws Exception {
    SampleProject.write(root.resolve("sample"), SampleProject.DEFAULT_SEED);
    spark = SharedSpark.session();
    sample = DatamintTables.load(spark, Map.of("path", root.resolve("sample").toString()));
  }

  @Test
  void theTableIsMadeOnceAtItsFirstUse() {
    AtomicInteger made = new AtomicInteger();
    DeferredTable deferred =
        DeferredTable.of(
            "sample",
            sample.schema(),
            () -> {
              made.incrementAndGet();
              return sample;
            });
    assertThat(deferred.schema()).isEqualTo(sample.schema());
    assertThat(deferred.isMade()).isFalse();
    assertThat(made).hasValue(0);
    assertThat(deferred.table()).isSameAs(sample);
    assertThat(deferred.table()).isSameAs(sample);
    assertThat(made).hasValue(1);
    assertThat(deferred.isMade()).isTrue();
  }

  @Test
  void aTableWithOtherColumnsThanAnnouncedFailsNamingBoth() {
    StructType announced = new StructType().add("resource_id", DataTypes.StringType);
    DeferredTable deferred = DeferredTable.of("project p", announced, () -> sample);
    assertThatThrownBy(deferred::table)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("project p")
        .hasMessageContaining("announced " + announced.simpleString())
        .hasMessageContaining("read " + sample.schema().simpleString());
  }

  @Test
  void withLabelsFromTheWorklistsTheColumnsAreThoseOfTheLoadedTable() {
    DeferredTable deferred =
        DatamintTables.defer(
            spark, Map.of("path", root.resolve("sample").toString()), (key, load) -> load.get());
    assertThat(deferred.isMade()).isFalse();
    assertThat(deferred.schema()).isEqualTo(sample.schema());
    assertThat(deferred.table().selected()).hasSameSizeAs(sample.selected());
  }

  @Test
  void inferredLabelsMakeTheTableAtOnce() {
    Map<String, String> options =
        Map.of("path", root.resolve("sample").toString(), "worklists", "none");
    DeferredTable deferred = DatamintTables.defer(spark, options, (key, load) -> load.get());
    assertThat(deferred.isMade()).isTrue();
    assertThat(deferred.schema()).isEqualTo(DatamintTables.load(spark, options).schema());
  }
}
