package io.datamint.spark.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.internal.sample.SampleProject;
import io.datamint.spark.testing.SharedSpark;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Selecting single fields of the tensor ({@code image.shape}, {@code image.data}) reads pruned
 * tensor structs.
 */
class NestedTensorPruningTest {

  @TempDir Path tmp;

  @Test
  void tensorFieldsCanBeSelectedAlone() throws Exception {
    Path mirror = SampleProject.write(tmp.resolve("s"), 3).dir();
    List<Row> rows =
        SharedSpark.session()
            .read()
            .format("datamint")
            .load(mirror.toString())
            .where("filename = 'CXR_P001_PA.png'")
            .selectExpr("image.shape", "length(image.data)", "image.dtype")
            .collectAsList();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).getList(0)).containsExactly(1, 128, 128);
    assertThat(rows.get(0).getInt(1)).isEqualTo(128 * 128);
    assertThat(rows.get(0).getString(2)).isEqualTo("uint8");
    Row dataOnly =
        SharedSpark.session()
            .read()
            .format("datamint")
            .load(mirror.toString())
            .where("filename = 'CXR_P001_PA.png'")
            .selectExpr("length(image.data)")
            .first();
    assertThat(dataOnly.getInt(0)).isEqualTo(128 * 128);
  }
}
