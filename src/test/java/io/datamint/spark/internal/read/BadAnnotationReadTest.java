package io.datamint.spark.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.internal.sample.PngWriter;
import io.datamint.spark.testing.SharedSpark;
import io.datamint.spark.testing.TestMirror;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad annotation data gives the row a clear {@code _error}, never a wrong mask. */
class BadAnnotationReadTest {

  @TempDir Path tmp;

  @Test
  void missingAndMisSizedMasksAreRowErrors() throws Exception {
    TestMirror m =
        TestMirror.in(tmp.resolve("p"))
            .worklists(
                "[{\"id\":\"w\",\"name\":\"W\",\"annotations\":[],\"segmentation_group\":{\"groups\":"
                    + "{\"lung\":{\"index\":1}}}}]");
    for (String id : new String[] {"ok", "missing", "wrong-size", "not-an-image"}) {
      m.image(id, id + ".png", "CR", null);
      m.annotationLine(
          "{\"id\":\"m-"
              + id
              + "\",\"resource_id\":\""
              + id
              + "\",\"type\":\"segmentation\","
              + "\"name\":\"lung\",\"added_by\":\"alice\"}");
    }
    Path dir = m.write();
    byte[] image = PngWriter.gray8(8, 6, new byte[48]);
    for (String id : new String[] {"ok", "missing", "wrong-size", "not-an-image"}) {
      Files.write(dir.resolve("files/resources/" + id), image);
    }
    Files.write(dir.resolve("files/annotations/m-ok"), PngWriter.mask(8, 6, new boolean[48]));
    Files.write(
        dir.resolve("files/annotations/m-wrong-size"), PngWriter.mask(6, 8, new boolean[48]));
    Files.write(dir.resolve("files/annotations/m-not-an-image"), "garbage".getBytes());
    Map<String, String> errors = new HashMap<>();
    for (Row row :
        SharedSpark.session()
            .read()
            .format("datamint")
            .load(dir.toString())
            .select("resource_id", "segmentations", "_error")
            .collectAsList()) {
      errors.put(row.getString(0), row.getString(2));
      assertThat(row.isNullAt(1)).isEqualTo(row.getString(2) != null);
    }
    assertThat(errors)
        .containsOnlyKeys("ok", "missing", "wrong-size", "not-an-image")
        .containsEntry("ok", null);
    assertThat(errors.get("missing")).contains("m-missing");
    assertThat(errors.get("wrong-size")).contains("m-wrong-size").contains("6").contains("8");
    assertThat(errors.get("not-an-image")).contains("m-not-an-image");
    // A query that does not read masks is not affected.
    assertThat(
            SharedSpark.session()
                .read()
                .format("datamint")
                .option("mode", "FAILFAST")
                .load(dir.toString())
                .select("resource_id", "image_labels")
                .count())
        .isEqualTo(4);
  }
}
