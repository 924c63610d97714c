package io.datamint.spark.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.internal.sample.SampleProject;
import io.datamint.spark.internal.util.BatchScans;
import io.datamint.spark.testing.ReadOptions;
import io.datamint.spark.testing.SharedSpark;
import io.datamint.spark.testing.TestCorpus;
import io.datamint.spark.testing.TestMirror;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Frame-by-frame reads of multi-frame DICOM files decode one frame at a time (issue 14): the rows
 * (image bytes, dtype, shape, affine) are those cut from the whole decoded file, for the sample
 * project's multi-frame CTs and the corpus's multi-frame files; frames left out by {@code
 * frame_index} predicates are skipped without decoding; an auto-dataset DICOM of one frame stays
 * one image row; slicing still decodes the whole volume.
 */
class DicomStreamedFramesTest {

  /** The corpus's multi-frame files: native, big endian, RLE; gray and RGB; 8 to 32 bits. */
  private static final List<String> CORPUS =
      List.of(
          "pydicom__rtdose.dcm",
          "pydicom__rtdose_expb.dcm",
          "pydicom__rtdose_rle.dcm",
          "pydicom__SC_rgb_rle_2frame.dcm",
          "pydicom__SC_rgb_rle_16bit_2frame.dcm",
          "pydicom__SC_rgb_rle_32bit_2frame.dcm",
          "pydicom__rtdose_1frame.dcm");

  @TempDir static Path tmp;
  static SparkSession spark;
  static String sample;
  static String corpus;

  @BeforeAll
  static void write() throws Exception {
    spark = SharedSpark.session();
    sample = SampleProject.write(tmp.resolve("s"), SampleProject.DEFAULT_SEED).dir().toString();
    TestMirror mirror = TestMirror.in(tmp.resolve("corpus"));
    for (String name : CORPUS) {
      mirror.resourceLine(
          "{\"id\":\""
              + name.replace('.', '_')
              + "\",\"filename\":\""
              + name
              + "\",\"mimetype\":\"application/dicom\"}");
    }
    Path dir = mirror.write();
    for (String name : CORPUS) {
      Files.copy(
          TestCorpus.dir("dicom").resolve(name),
          dir.resolve("files/resources").resolve(name.replace('.', '_')));
    }
    corpus = dir.toString();
  }

  private static Dataset<Row> dicoms(String mirror, String... options) {
    return spark
        .read()
        .format("datamint")
        .option("batch_size", "3")
        .option("frame_by_frame", "true")
        .options(ReadOptions.of(options))
        .load(mirror)
        .where("filename LIKE '%.dcm'");
  }

  /**
   * The columns (the first two resource_id and frame_index); not sorted by Spark, which would scan
   * twice (sampling the sort's ranges) and count the frames twice.
   */
  private static Dataset<Row> ordered(Dataset<Row> df, String... columns) {
    return df.selectExpr(columns);
  }

  /** The rows by resource and frame index. */
  private static List<Row> sorted(List<Row> rows) {
    return rows.stream()
        .sorted(
            Comparator.comparing((Row r) -> r.getString(0))
                .thenComparing(r -> r.isNullAt(1) ? -1 : r.getInt(1)))
        .toList();
  }

  private static List<Row> rows(Dataset<Row> df, String... columns) {
    return sorted(ordered(df, columns).collectAsList());
  }

  /** Streamed rows, and the rows of the whole decode (metainfo read: the file decoded whole). */
  private static void assertStreamedRowsAreTheWholeDecodesRows(String mirror) {
    Dataset<Row> streamed =
        ordered(dicoms(mirror), "resource_id", "frame_index", "image", "affine", "_error");
    List<Row> streamedRows = sorted(streamed.collectAsList());
    long decoded = BatchScans.metrics(streamed).get(ReadMetrics.FRAMES_DECODED);
    List<Row> wholeRows =
        rows(dicoms(mirror), "resource_id", "frame_index", "image", "affine", "_error", "metainfo");
    assertThat(streamedRows).hasSameSizeAs(wholeRows);
    for (int i = 0; i < wholeRows.size(); i++) {
      Row whole = wholeRows.get(i);
      Row row = streamedRows.get(i);
      String what = whole.getString(0) + " frame " + whole.get(1);
      assertThat(whole.isNullAt(4)).as(what + ": " + whole.get(4)).isTrue();
      assertThat(row.isNullAt(4)).as(what + ": " + row.get(4)).isTrue();
      for (int c = 0; c < 4; c++) {
        assertThat(row.get(c)).as(what + " column " + c).isEqualTo(whole.get(c));
      }
    }
    long frameRows = streamedRows.stream().filter(r -> !r.isNullAt(1)).count();
    assertThat(decoded).as("frames decoded one by one").isEqualTo(frameRows);
  }

  @Test
  void sampleProjectFramesStreamAsTheWholeDecodeCutsThem() {
    assertStreamedRowsAreTheWholeDecodesRows(sample);
    // the sample's multi-frame CTs give frame rows (float64 after rescale), with their affine
    List<Row> frames =
        dicoms(sample)
            .where("frame_index IS NOT NULL")
            .select("image.dtype", "affine")
            .collectAsList();
    assertThat(frames).hasSizeGreaterThan(2);
    assertThat(frames).allSatisfy(r -> assertThat(r.getString(0)).isEqualTo("float64"));
    assertThat(frames).allSatisfy(r -> assertThat(r.isNullAt(1)).isFalse());
  }

  @Test
  void corpusMultiFrameFilesStreamAsTheWholeDecodeCutsThem() {
    assertStreamedRowsAreTheWholeDecodesRows(corpus);
    // auto dataset: a one-frame DICOM is an image, one row without frame index
    List<Row> one =
        dicoms(corpus)
            .where("filename = 'pydicom__rtdose_1frame.dcm'")
            .select("frame_index", "image.shape")
            .collectAsList();
    assertThat(one).hasSize(1);
    assertThat(one.get(0).isNullAt(0)).isTrue();
    assertThat(one.get(0).getList(1)).hasSize(3);
  }

  @Test
  void frameIndexPredicatesSkipFramesWithoutDecodingThem() {
    String file = "pydicom__rtdose.dcm"; // 15 frames
    Dataset<Row> all = dicoms(corpus).where("filename = '" + file + "'");
    List<Row> every = rows(all, "resource_id", "frame_index", "image");
    assertThat(every).hasSize(15);

    Dataset<Row> some =
        ordered(
            dicoms(corpus).where("filename = '" + file + "' AND frame_index IN (4, 9)"),
            "resource_id",
            "frame_index",
            "image");
    List<Row> picked = sorted(some.collectAsList());
    assertThat(picked).containsExactly(every.get(4), every.get(9));
    assertThat(BatchScans.metrics(some).get(ReadMetrics.FRAMES_DECODED)).isEqualTo(2);
    // frames are independent: the stream jumps to frame 4, then to frame 9, decoding nothing else
    assertThat(BatchScans.metrics(some).get(ReadMetrics.FRAMES_SKIPPED)).isZero();
  }

  @Test
  void slicingStillDecodesTheWholeVolume() {
    Dataset<Row> sliced =
        dicoms(sample, "slice", "axial")
            .where("slice_index IS NOT NULL")
            .select("slice_index", "image.shape");
    assertThat(sliced.collectAsList()).isNotEmpty();
    assertThat(BatchScans.metrics(sliced).get(ReadMetrics.FRAMES_DECODED)).isZero();
  }
}
