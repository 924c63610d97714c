package io.datamint.spark.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.internal.sample.SampleProject;
import io.datamint.spark.testing.SharedSpark;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small project read for its pixels gives every core of the session work: at least {@code
 * defaultParallelism} partitions (the suite's session is {@code local[2]}), in source order, unless
 * {@code target_partition_bytes} is given, which then plans alone.
 */
class CorePlanningTest {

  @TempDir static Path tmp;

  @Test
  void aSmallProjectIsPlannedIntoAPartitionPerCore() throws Exception {
    SparkSession spark = SharedSpark.session();
    int cores = spark.sparkContext().defaultParallelism();
    assertThat(cores).isGreaterThanOrEqualTo(2);
    Path mirror = SampleProject.write(tmp.resolve("sample"), 3).dir();
    Dataset<Row> pixels =
        spark.read().format("datamint").load(mirror.toString()).select("filename", "image");
    assertThat(pixels.rdd().getNumPartitions()).isEqualTo(cores);

    List<String> inOrder =
        spark
            .read()
            .format("datamint")
            .load(mirror.toString())
            .select("filename")
            .collectAsList()
            .stream()
            .map(r -> r.getString(0))
            .toList();
    assertThat(pixels.collectAsList().stream().map(r -> r.getString(0)).toList())
        .as("source order within and across partitions")
        .isEqualTo(inOrder);

    Dataset<Row> given =
        spark
            .read()
            .format("datamint")
            .option("target_partition_bytes", "1g")
            .load(mirror.toString())
            .select("filename", "image");
    assertThat(given.rdd().getNumPartitions()).as("an explicit target plans alone").isEqualTo(1);
  }
}
