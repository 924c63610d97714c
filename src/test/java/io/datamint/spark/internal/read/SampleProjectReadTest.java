package io.datamint.spark.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.internal.sample.SampleProject;
import io.datamint.spark.testing.ExternalTool;
import io.datamint.spark.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated sample project read end to end, and the acceptance check: metadata queries
 * with a tag filter succeed after the mirror's {@code files/} folder is deleted, so nothing was
 * opened.
 */
class SampleProjectReadTest {

  private static final Path BASEDIR = Path.of(System.getProperty("datamint.test.basedir", "."));

  @TempDir static Path tmp;
  static SparkSession spark;
  static Path mirror;

  @BeforeAll
  static void writeSampleAndDeleteItsFiles() throws IOException {
    spark = SharedSpark.session();
    mirror = SampleProject.write(tmp.resolve("sample"), SampleProject.DEFAULT_SEED).dir();
    try (Stream<Path> files = Files.walk(mirror.resolve("files"))) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    assertThat(mirror.resolve("files")).doesNotExist();
  }

  private Dataset<Row> read() {
    return spark.read().format("datamint").load(mirror.toString());
  }

  @Test
  void readsEveryResourceWithItsKindAndFrameCount() {
    List<Row> rows =
        read()
            .select("filename", "resource_kind", "num_frames", "patient_id")
            .orderBy("filename")
            .collectAsList();
    assertThat(rows).hasSize(13);
    assertThat(rows)
        .extracting(r -> r.getString(0) + ":" + r.getString(1) + ":" + r.get(2))
        .contains(
            "CT_ABD_P001_portal.dcm:dicom:16",
            "CT_ABD_P002.nii.gz:nifti:18",
            "CXR_P001_PA.png:image:1",
            "US_CAROTID_ANON.mp4:video:24",
            "US_CAROTID_P004.mp4:video:24");
    assertThat(rows)
        .filteredOn(r -> r.getString(0).equals("CXR_P005_LAT.png"))
        .extracting(r -> r.getString(3))
        .containsExactly("PAT-005");
  }

  /**
   * Expected counts computed independently from the sample's JSON lines with Python's json module,
   * keeping the annotations the SDK keeps by default (schema mode,
   * allow_external_annotations=False: the label {@code incidental_finding}, declared by no
   * worklist, is dropped).
   */
  @Test
  void tagReportWorksWithoutTheFilesFolder() {
    read().createOrReplaceTempView("sample_resources");
    Dataset<Row> report =
        spark.sql(
            "SELECT modality, count(*) AS n, sum(size(annotations)) AS annotations FROM "
                + "sample_resources WHERE array_contains(tags, 'chest') GROUP BY modality ORDER BY modality");
    assertThat(report.collectAsList())
        .extracting(Row::toString)
        .containsExactly("[CR,3,10]", "[CT,2,3]", "[DX,3,11]");
  }

  @Test
  void frameScopedAnnotationsKeepTheirFrame() {
    List<Row> rows =
        read()
            .where("filename = 'US_CAROTID_P004.mp4'")
            .selectExpr("inline(annotations)")
            .where("identifier = 'vessel'")
            .select("scope", "frame_index")
            .orderBy("frame_index")
            .collectAsList();
    assertThat(rows)
        .extracting(Row::toString)
        .containsExactly("[frame,0]", "[frame,8]", "[frame,8]", "[frame,16]", "[frame,23]");
  }

  @Test
  void binDatamintSqlAnswersTheSameReportWithoutTheFilesFolder() {
    ExternalTool.assumeAvailable("bash");
    ExternalTool.Result result =
        ExternalTool.run(
            Duration.ofSeconds(180),
            "bash",
            BASEDIR.resolve("bin/datamint-sql").toString(),
            "--format",
            "json",
            "CREATE TEMPORARY VIEW r USING datamint OPTIONS (path '"
                + mirror
                + "', tags 'chest'); "
                + "SELECT modality, count(*) AS n FROM r GROUP BY modality ORDER BY modality");
    result.assertSuccess();
    assertThat(result.stdout())
        .isEqualTo(
            "{\"modality\":\"CR\",\"n\":3}\n{\"modality\":\"CT\",\"n\":2}\n{\"modality\":\"DX\",\"n\":3}\n");
  }
}
