package io.datamint.spark.internal.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.internal.core.DType;
import io.datamint.spark.internal.core.PixelArray;
import io.datamint.spark.internal.decode.PixelValues;
import io.datamint.spark.internal.sample.DicomWriter;
import io.datamint.spark.internal.sample.SampleProject;
import io.datamint.spark.testing.SharedSpark;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The option {@code pixel_dtype} through {@code spark.read} and SQL, on the sample project: a CT
 * DICOM with Rescale Slope 1 and Intercept -1024, a CT NIfTI with {@code scl_inter} -1024, and a
 * PNG. {@code sdk} is today's output; {@code native} the stored int16 with the rescale in {@code
 * metainfo._rescale}; {@code float64} every value as a float64; {@code float32} each float64 value
 * rounded to float32.
 */
class PixelDtypeReadTest {

  private static final String CT_DICOM = "CT_CHEST_P004.dcm";
  private static final String PNG = "CXR_P001_PA.png";

  @TempDir static Path tmp;
  static SparkSession spark;
  static Path mirror;
  static Map<String, Map<String, Row>> byDtype = new HashMap<>();
  static String scaledNifti;

  @BeforeAll
  static void readEveryDtype() throws Exception {
    spark = SharedSpark.session();
    mirror = SampleProject.write(tmp.resolve("sample"), 7).dir();
    for (String dtype : List.of("sdk", "native", "float32", "float64")) {
      Map<String, Row> rows = new HashMap<>();
      for (Row row :
          spark
              .read()
              .format("datamint")
              .option("pixel_dtype", dtype)
              .load(mirror.toString())
              .where("filename like '%.dcm' or filename like '%.nii.gz' or filename like '%.png'")
              .select("filename", "image", "metainfo", "_error")
              .collectAsList()) {
        assertThat(row.isNullAt(3)).as(dtype + " " + row.getString(0)).isTrue();
        rows.put(row.getString(0), row);
      }
      byDtype.put(dtype, rows);
    }
    scaledNifti =
        byDtype.get("sdk").values().stream()
            .filter(r -> r.getString(0).endsWith(".nii.gz"))
            .filter(r -> r.getString(2).contains("\"scaled\":true"))
            .map(r -> r.getString(0))
            .findFirst()
            .orElseThrow();
  }

  private static Row row(String dtype, String filename) {
    return byDtype.get(dtype).get(filename);
  }

  private static String dtypeOf(String dtype, String filename) {
    return row(dtype, filename).getStruct(1).getString(0);
  }

  private static double[] values(String dtype, String filename) {
    Row tensor = row(dtype, filename).getStruct(1);
    DType type = DType.valueOf(tensor.getString(0).toUpperCase(java.util.Locale.ROOT));
    int[] shape = tensor.<Integer>getList(1).stream().mapToInt(Integer::intValue).toArray();
    return PixelValues.of(PixelArray.wrap(type, shape, ByteBuffer.wrap((byte[]) tensor.get(2))));
  }

  private static double[] roundedToFloat32(double[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (float) values[i];
    }
    return out;
  }

  @Test
  void sdkIsTheSdksRescaleRules() {
    assertThat(dtypeOf("sdk", CT_DICOM)).isEqualTo("float64");
    assertThat(dtypeOf("sdk", scaledNifti)).isEqualTo("float64");
    assertThat(dtypeOf("sdk", PNG)).isEqualTo("uint8");
    assertThat(row("sdk", CT_DICOM).getString(2)).doesNotContain("_rescale");
  }

  @Test
  void nativeGivesTheStoredIntegersAndSaysWhatWasNotApplied() {
    for (String file : List.of(CT_DICOM, scaledNifti)) {
      assertThat(dtypeOf("native", file)).as(file).isEqualTo("int16");
      double[] stored = values("native", file);
      double[] hu = values("sdk", file);
      for (int i = 0; i < stored.length; i++) {
        assertThat(stored[i] * 1 + DicomWriter.RESCALE_INTERCEPT).isEqualTo(hu[i]);
      }
    }
    assertThat(row("native", CT_DICOM).getString(2))
        .contains("\"_rescale\":{\"applied\":false,\"slope\":1.0,\"intercept\":-1024.0}");
    assertThat(row("native", scaledNifti).getString(2))
        .contains("\"scaled\":false")
        .contains("\"_rescale\":{\"applied\":false,\"slope\":1.0,\"intercept\":-1024.0}");
  }

  @Test
  void float64IsEveryValueOfSdkAsAFloat64() {
    for (String file : List.of(CT_DICOM, scaledNifti, PNG)) {
      assertThat(dtypeOf("float64", file)).as(file).isEqualTo("float64");
      PixelValues.assertSameValues(file, values("float64", file), values("sdk", file));
    }
  }

  @Test
  void float32IsTheFloat64ValueRoundedOnce() {
    for (String file : List.of(CT_DICOM, scaledNifti, PNG)) {
      assertThat(dtypeOf("float32", file)).as(file).isEqualTo("float32");
      PixelValues.assertSameValues(
          file, values("float32", file), roundedToFloat32(values("sdk", file)));
    }
  }

  @Test
  void framesReadOneAtATimeHaveTheWholeFilesValues() {
    List<Row> frames =
        spark
            .read()
            .format("datamint")
            .option("pixel_dtype", "float32")
            .option("frame_by_frame", "true")
            .load(mirror.toString())
            .where("filename = '" + CT_DICOM + "'")
            .orderBy("frame_index")
            .select("image", "_error")
            .collectAsList();
    byte[] whole = (byte[]) row("float32", CT_DICOM).getStruct(1).get(2);
    assertThat(frames).hasSizeGreaterThan(1);
    java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
    for (Row frame : frames) {
      assertThat(frame.isNullAt(1)).as(frame.getString(1)).isTrue();
      assertThat(frame.getStruct(0).getString(0)).isEqualTo("float32");
      joined.writeBytes((byte[]) frame.getStruct(0).get(2));
    }
    assertThat(joined.toByteArray()).isEqualTo(whole);
  }

  @Test
  void pngIsUnaffectedByNative() {
    assertThat(dtypeOf("native", PNG)).isEqualTo("uint8");
    assertThat((byte[]) row("native", PNG).getStruct(1).get(2))
        .isEqualTo((byte[]) row("sdk", PNG).getStruct(1).get(2));
  }

  @Test
  void sqlTakesTheOption() {
    spark.sql(
        "CREATE OR REPLACE TEMPORARY VIEW ct_f32 USING datamint OPTIONS (path '"
            + mirror
            + "', pixel_dtype 'float32')");
    Row row =
        spark
            .sql(
                "SELECT image.dtype, size(image.shape), length(image.data) FROM ct_f32"
                    + " WHERE filename = '"
                    + CT_DICOM
                    + "'")
            .first();
    assertThat(row.getString(0)).isEqualTo("float32");
    assertThat(row.getInt(2))
        .isEqualTo(((byte[]) row("float64", CT_DICOM).getStruct(1).get(2)).length / 2);
  }

  @Test
  void aBadValueNamesTheOptionAndWhatIsAccepted() {
    assertThatThrownBy(
            () ->
                spark
                    .read()
                    .format("datamint")
                    .option("pixel_dtype", "float16")
                    .load(mirror.toString()))
        .hasMessageContaining("pixel_dtype")
        .hasMessageContaining("float16")
        .hasMessageContaining("sdk, native, float32, float64");
  }
}
