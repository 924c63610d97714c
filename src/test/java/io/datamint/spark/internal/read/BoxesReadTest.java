package io.datamint.spark.internal.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.internal.sample.NiftiWriter;
import io.datamint.spark.testing.SharedSpark;
import io.datamint.spark.testing.TestMirror;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code return_boxes} through {@code spark.read}: {@code square} annotations as pascal_voc boxes
 * with the SDK's class codes on images, volumes (whole and sliced: a slice row has its slice's
 * boxes) and video frames; {@code trusted_annotation_sources}; numeric annotations; annotation
 * types the SDK does not know.
 */
class BoxesReadTest {

  @TempDir static Path tmp;
  static String mirror;

  private static String square(
      String id, String resource, String name, Integer frame, String source, double... xyxy) {
    String points =
        xyxy.length == 0
            ? "null"
            : String.format(
                "{\"points\": [[%s,%s,0],[%s,%s,0],[%s,%s,0],[%s,%s,0]]}",
                xyxy[0], xyxy[1], xyxy[2], xyxy[1], xyxy[0], xyxy[3], xyxy[2], xyxy[3]);
    return String.format(
        "{\"id\": \"%s\", \"resource_id\": \"%s\", \"type\": \"square\", \"name\": \"%s\","
            + " \"index\": %s, \"added_by\": \"ann@x\", \"source\": %s, \"geometry\": %s}",
        id,
        resource,
        name,
        frame == null ? "null" : frame.toString(),
        source == null ? "null" : "\"" + source + "\"",
        points);
  }

  @BeforeAll
  static void writeMirror() throws Exception {
    TestMirror m =
        TestMirror.in(tmp.resolve("p"))
            .image("img", "a.png", "CR", "P1")
            .resourceLine(
                "{\"id\":\"vol\",\"filename\":\"v.nii\",\"mimetype\":\"application/x-nifti\","
                    + "\"size\":1000}")
            .resourceLine(
                "{\"id\":\"vid\",\"filename\":\"c.mp4\",\"mimetype\":\"video/mp4\",\"size\":1000,"
                    + "\"metadata\":{\"frame_count\":4}}")
            .image("plain", "b.png", "CR", "P2")
            // image: one good box, a degenerate one and one without geometry (both skipped)
            .annotationLine(square("b1", "img", "lesion", null, "manual", 10, 20, 50, 60.5))
            .annotationLine(square("b2", "img", "cyst", null, "manual", 30, 20, 30, 40))
            .annotationLine(square("b3", "img", "cyst", null, null))
            // a model's prediction
            .annotationLine(square("b4", "img", "nodule", null, "model_pipeline", 1, 2, 3, 4))
            // volume: slices 0 and 2, and one image-scoped box
            .annotationLine(square("v0", "vol", "lesion", 0, "imported", 1, 1, 2, 2))
            .annotationLine(square("v2", "vol", "cyst", 2, "imported", 0, 0, 3, 3))
            .annotationLine(square("vall", "vol", "lesion", null, null, 0.5, 0.5, 1.5, 1.5))
            // video: frames 1 and 3
            .annotationLine(square("f1", "vid", "lesion", 1, "manual", 5, 6, 7, 8))
            .annotationLine(square("f3", "vid", "cyst", 3, "manual", 9, 10, 11, 12))
            // numeric annotations (short and long keys) and a type the SDK does not know
            .annotationLine(
                "{\"id\":\"n1\",\"resource_id\":\"plain\",\"type\":\"integer\",\"name\":\"count\","
                    + "\"value\":3,\"added_by\":\"ann@x\"}")
            .annotationLine(
                "{\"id\":\"n2\",\"resource_id\":\"plain\",\"annotation_type\":\"float\","
                    + "\"identifier\":\"ratio\",\"numeric_value\":2.5,\"added_by\":\"ann@x\"}")
            .annotationLine(
                "{\"id\":\"u1\",\"resource_id\":\"plain\",\"type\":\"hologram\",\"name\":\"h\","
                    + "\"added_by\":\"ann@x\"}")
            .label("l1", "plain", "normal", "ann@x");
    Path dir = m.write();
    double[][] identity = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
    Files.write(
        dir.resolve("files/resources/vol"),
        NiftiWriter.of(new int[] {4, 4, 3}, identity).int16(new short[48]));
    mirror = dir.toString();
  }

  private static Dataset<Row> read(String... options) {
    var reader =
        SharedSpark.session()
            .read()
            .format("datamint")
            .option("worklists", "none")
            .option("return_boxes", "true");
    for (int i = 0; i < options.length; i += 2) {
      reader = reader.option(options[i], options[i + 1]);
    }
    return reader.load(mirror);
  }

  /** A tensor value as its shape and its values as doubles. */
  private record Tensor(String dtype, List<Integer> shape, double[] values) {}

  private static Tensor tensor(Row t) {
    String dtype = t.getString(0);
    List<Integer> shape = t.getList(1);
    ByteBuffer data = ByteBuffer.wrap((byte[]) t.get(2)).order(ByteOrder.LITTLE_ENDIAN);
    List<Double> values = new ArrayList<>();
    while (data.hasRemaining()) {
      switch (dtype) {
        case "float32" -> values.add((double) data.getFloat());
        case "int64" -> values.add((double) data.getLong());
        case "int32" -> values.add((double) data.getInt());
        default -> throw new AssertionError(dtype);
      }
    }
    return new Tensor(dtype, shape, values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private static Row one(Dataset<Row> df, String where) {
    List<Row> rows = df.where(where).select("boxes", "box_labels", "box_frames").collectAsList();
    assertThat(rows).as(where).hasSize(1);
    return rows.get(0);
  }

  @Test
  void imageBoxesArePascalVocWithTheSdksClassCodes() {
    Row row = one(read(), "resource_id = 'img'");
    Tensor boxes = tensor(row.getStruct(0));
    assertThat(boxes.dtype()).isEqualTo("float32");
    // b2 (degenerate) and b3 (no geometry) are skipped; classes sorted: cyst, lesion, nodule
    assertThat(boxes.shape()).containsExactly(2, 4);
    assertThat(boxes.values()).containsExactly(10, 20, 50, 60.5, 1, 2, 3, 4);
    Tensor labels = tensor(row.getStruct(1));
    assertThat(labels.dtype()).isEqualTo("int64");
    assertThat(labels.values()).containsExactly(1, 2);
    assertThat(tensor(row.getStruct(2)).values()).containsExactly(-1, -1);
  }

  @Test
  void noBoxIsAZeroByFourTensor() {
    Row row = one(read(), "resource_id = 'plain'");
    assertThat(tensor(row.getStruct(0)).shape()).containsExactly(0, 4);
    assertThat(tensor(row.getStruct(1)).shape()).containsExactly(0);
  }

  @Test
  void theClassNamesAreInTheFieldMetadata() {
    StructType schema = read().schema();
    for (String column : List.of("boxes", "box_labels", "box_frames")) {
      assertThat(schema.apply(column).metadata().getString("box_labels_set"))
          .as(column)
          .isEqualTo("[\"cyst\",\"lesion\",\"nodule\"]");
    }
    assertThat(schema.apply("box_labels").metadata().getString("labels"))
        .isEqualTo("[\"cyst\",\"lesion\",\"nodule\"]");
    assertThat(SharedSpark.session().read().format("datamint").load(mirror).columns())
        .doesNotContain("boxes", "box_labels", "box_frames");
  }

  @Test
  void theCatalogsLabelsTableListsTheBoxClasses() {
    var spark = SharedSpark.session();
    spark.conf().set("spark.sql.catalog.dm_boxes", "io.datamint.spark.catalog.DatamintCatalog");
    spark.conf().set("spark.sql.catalog.dm_boxes.path", mirror);
    spark.conf().set("spark.sql.catalog.dm_boxes.worklists", "none");
    spark.conf().set("spark.sql.catalog.dm_boxes.return_boxes", "true");
    List<Row> rows =
        spark
            .sql("SELECT name, code FROM dm_boxes.tiny.labels WHERE kind = 'box' ORDER BY code")
            .collectAsList();
    assertThat(rows.stream().map(r -> r.getString(0) + "=" + r.get(1)).toList())
        .containsExactly("cyst=0", "lesion=1", "nodule=2");
  }

  @Test
  void aWholeVolumeHasAllItsBoxesWithTheirSlices() {
    Row row = one(read(), "resource_id = 'vol'");
    assertThat(tensor(row.getStruct(0)).values())
        .containsExactly(1, 1, 2, 2, 0, 0, 3, 3, 0.5, 0.5, 1.5, 1.5);
    assertThat(tensor(row.getStruct(1)).values()).containsExactly(1, 0, 1);
    assertThat(tensor(row.getStruct(2)).values()).containsExactly(0, 2, -1);
  }

  @Test
  void aSliceRowHasOnlyItsSlicesBoxesAndTheImageScopedOnes() {
    Dataset<Row> slices = read("slice", "axial").where("resource_id = 'vol'");
    List<Row> rows =
        slices
            .select("slice_index", "box_frames", "box_labels")
            .orderBy("slice_index")
            .collectAsList();
    assertThat(rows).hasSize(3);
    assertThat(tensor(rows.get(0).getStruct(1)).values()).containsExactly(0, -1);
    assertThat(tensor(rows.get(0).getStruct(2)).values()).containsExactly(1, 1);
    assertThat(tensor(rows.get(1).getStruct(1)).values()).containsExactly(-1);
    assertThat(tensor(rows.get(2).getStruct(1)).values()).containsExactly(2, -1);
    assertThat(tensor(rows.get(2).getStruct(2)).values()).containsExactly(0, 1);
  }

  @Test
  void aFrameRowHasOnlyItsFramesBoxes() {
    List<Row> rows =
        read("frame_by_frame", "true")
            .where("resource_id = 'vid'")
            .select("frame_index", "boxes", "box_labels")
            .orderBy("frame_index")
            .collectAsList();
    assertThat(rows).hasSize(4);
    assertThat(tensor(rows.get(0).getStruct(1)).shape()).containsExactly(0, 4);
    assertThat(tensor(rows.get(1).getStruct(1)).values()).containsExactly(5, 6, 7, 8);
    assertThat(tensor(rows.get(1).getStruct(2)).values()).containsExactly(1);
    assertThat(tensor(rows.get(2).getStruct(1)).shape()).containsExactly(0, 4);
    assertThat(tensor(rows.get(3).getStruct(1)).values()).containsExactly(9, 10, 11, 12);
    assertThat(tensor(rows.get(3).getStruct(2)).values()).containsExactly(0);
  }

  @Test
  void boxesWorkThroughSql() {
    read().createOrReplaceTempView("boxes_read");
    List<Row> rows =
        SharedSpark.session()
            .sql(
                "SELECT resource_id, box_labels.shape[0] AS n FROM boxes_read"
                    + " WHERE box_labels.shape[0] > 0 ORDER BY resource_id")
            .collectAsList();
    assertThat(rows.stream().map(r -> r.getString(0) + "=" + r.getInt(1)).toList())
        .containsExactly("img=2", "vid=2", "vol=3");
  }

  @Test
  void everySourceIsTrustedByDefault() {
    assertThat(annotationIds(read(), "img")).containsExactly("b1", "b2", "b3", "b4");
    assertThat(annotationIds(read("trusted_annotation_sources", "all"), "img"))
        .containsExactly("b1", "b2", "b3", "b4");
  }

  @Test
  void trustedSourcesDropAModelsPredictionsFromRowsAndClasses() {
    Dataset<Row> df = read("trusted_annotation_sources", "imported,manual");
    // b3 has no source: always kept, as the SDK
    assertThat(annotationIds(df, "img")).containsExactly("b1", "b2", "b3");
    assertThat(df.schema().apply("box_labels").metadata().getString("box_labels_set"))
        .isEqualTo("[\"cyst\",\"lesion\"]");
    Row row = one(df, "resource_id = 'img'");
    assertThat(tensor(row.getStruct(1)).values()).containsExactly(1);
    // only "imported": the image keeps b3 (no source), the video loses both its boxes
    Dataset<Row> imported = read("trusted_annotation_sources", "imported");
    assertThat(annotationIds(imported, "img")).containsExactly("b3");
    assertThat(annotationIds(imported, "vid")).isEmpty();
  }

  @Test
  void allCannotBeMixedWithSources() {
    assertThatThrownBy(() -> read("trusted_annotation_sources", "all,manual"))
        .hasMessageContaining("trusted_annotation_sources")
        .hasMessageContaining("all");
  }

  @Test
  void numericAnnotationsKeepTheirValuesAndUnknownTypesStayVisible() {
    List<Row> rows =
        read()
            .where("resource_id = 'plain'")
            .selectExpr(
                "transform(annotations, a -> concat_ws(':', a.id, a.annotation_type,"
                    + " a.identifier, cast(a.numeric_value as string))) AS a",
                "image_labels['ann@x']")
            .collectAsList();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).<String>getList(0))
        .containsExactly(
            "n1:integer:count:3.0", "n2:float:ratio:2.5", "u1:hologram:h", "l1:label:normal");
    // the unknown type is no label: the label set is the real label alone
    assertThat(rows.get(0).<Integer>getList(1)).containsExactly(1);
  }

  private static List<String> annotationIds(Dataset<Row> df, String resource) {
    List<Row> rows =
        df.where("resource_id = '" + resource + "'")
            .selectExpr("transform(annotations, a -> a.id)")
            .collectAsList();
    return rows.isEmpty() ? List.of() : rows.get(0).getList(0);
  }
}
