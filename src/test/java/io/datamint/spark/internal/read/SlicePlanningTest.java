package io.datamint.spark.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.internal.sample.NiftiWriter;
import io.datamint.spark.testing.SharedSpark;
import io.datamint.spark.testing.TestMirror;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slice reads balance partitions by rows, reading NIfTI headers when the metadata has no frame
 * count.
 */
class SlicePlanningTest {

  @TempDir Path tmp;

  @Test
  void partitionsFollowTheRowsOfEachVolume() throws Exception {
    TestMirror m = TestMirror.in(tmp.resolve("p"));
    int[] depths = {30, 30, 5, 5, 5, 5, 5, 5};
    for (int v = 0; v < depths.length; v++) {
      m.resourceLine(
          "{\"id\":\"v"
              + v
              + "\",\"filename\":\"v"
              + v
              + ".nii\",\"mimetype\":\"application/x-nifti\","
              + "\"size\":1000}"); // no frame_count in the metadata
    }
    Path dir = m.write();
    double[][] identity = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
    for (int v = 0; v < depths.length; v++) {
      Files.write(
          dir.resolve("files/resources/v" + v),
          NiftiWriter.of(new int[] {4, 4, depths[v]}, identity).int16(new short[16 * depths[v]]));
    }
    var df =
        SharedSpark.session()
            .read()
            .format("datamint")
            .option("slice", "axial")
            .option("target_partition_rows", "30")
            .load(dir.toString());
    // by rows: [30] [30] [5 x 6]; by the reported bytes all 8 would share one partition
    assertThat(df.rdd().getNumPartitions()).isEqualTo(3);
    assertThat(df.count()).isEqualTo(90);
  }
}
