package io.datamint.spark.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.internal.plan.PartitionPlanner;
import io.datamint.spark.testing.SharedSpark;
import io.datamint.spark.testing.TestMirror;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A read that opens no file is planned by rows, thousands a partition, whatever the files' sizes;
 * one that reads pixels still by the files' bytes.
 */
class MetadataOnlyPlanningTest {

  private static final int RESOURCES = 12_000;

  @TempDir Path tmp;

  @Test
  void metadataColumnsAndCountsRunAHandfulOfTasks() {
    TestMirror mirror = TestMirror.in(tmp.resolve("p"));
    for (int i = 0; i < RESOURCES; i++) {
      mirror.resourceLine(
          "{\"id\":\"r"
              + i
              + "\",\"filename\":\"r"
              + i
              + ".dcm\",\"mimetype\":\"application/dicom\",\"size\":"
              + (64L << 20)
              + ",\"tags\":[\""
              + (i % 3 == 0 ? "chest" : "head")
              + "\"]}"); // 64 MiB each: one partition per file when planned by bytes
    }
    Path dir = mirror.write();
    Dataset<Row> resources =
        SharedSpark.session()
            .read()
            .format("datamint")
            .option("split", "train=0.8,test=0.2")
            .option("seed", "7")
            .load(dir.toString());

    Dataset<Row> metadata = resources.select("resource_id", "tags", "split");
    long expected =
        (RESOURCES + PartitionPlanner.METADATA_ROWS_PER_PARTITION - 1)
            / PartitionPlanner.METADATA_ROWS_PER_PARTITION;
    assertThat(metadata.rdd().getNumPartitions()).isEqualTo((int) expected);
    assertThat(resources.groupBy("split").count().collectAsList())
        .extracting(row -> row.getLong(1))
        .containsExactlyInAnyOrder(9_600L, 2_400L);

    assertThat(resources.select("resource_id", "image").rdd().getNumPartitions())
        .as("a read of the pixels is still planned by the files' bytes")
        .isEqualTo(RESOURCES);
  }
}
