package io.datamint.spark.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.internal.sample.SampleProject;
import io.datamint.spark.testing.SharedSpark;
import io.datamint.spark.testing.TestMirror;
import java.math.BigInteger;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.catalyst.plans.logical.Statistics;
import org.apache.spark.sql.execution.SparkPlan;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan's statistics follow the read schema and the metadata, and count slice rows as rows. */
class ScanStatisticsTest {

  @TempDir static Path tmp;
  static String sample;
  static String big;

  /** Volumes of 512 x 512 x 600 voxels: 1.26 GB each as float64, about 1 KB in metadata. */
  static final int VOLUMES = 2000;

  @BeforeAll
  static void writeProjects() throws Exception {
    sample = SampleProject.write(tmp.resolve("s"), SampleProject.DEFAULT_SEED).dir().toString();
    TestMirror m = TestMirror.in(tmp.resolve("big"));
    for (int i = 0; i < VOLUMES; i++) {
      m.resourceLine(
          "{\"id\":\"ct"
              + i
              + "\",\"filename\":\"ct"
              + i
              + ".nii.gz\",\"mimetype\":\"application/x-nifti\",\"size\":300000000,"
              + "\"metadata\":{\"width\":512,\"height\":512,\"frame_count\":600}}");
    }
    big = m.write().toString();
  }

  private static final String PLAN_STATS = "spark.sql.cbo.planStats.enabled";

  private static Dataset<Row> read(String path, String... options) {
    var reader = SharedSpark.session().read().format("datamint");
    for (int i = 0; i < options.length; i += 2) {
      reader = reader.option(options[i], options[i + 1]);
    }
    return reader.load(path);
  }

  /**
   * The optimized plan's statistics with plan statistics on: Spark 4.3 keeps a V2 scan's row count
   * only with {@code spark.sql.cbo.planStats.enabled} (or CBO); 4.1 and 4.2 keep it always.
   */
  private static Statistics stats(Dataset<Row> df) {
    RuntimeConfig conf = df.sparkSession().conf();
    conf.set(PLAN_STATS, "true");
    try {
      return df.queryExecution().optimizedPlan().stats();
    } finally {
      conf.unset(PLAN_STATS);
    }
  }

  @Test
  void theEstimateGrowsWhenTheImageIsSelected() {
    BigInteger ids = stats(read(big).select("resource_id")).sizeInBytes().bigInteger();
    BigInteger image = stats(read(big).select("resource_id", "image")).sizeInBytes().bigInteger();
    BigInteger shape =
        stats(read(big).select("resource_id", "image.shape")).sizeInBytes().bigInteger();
    // 2,000 x 512 x 512 x 600 voxels of float64: 2.5 TB
    long decoded = (long) VOLUMES * 512 * 512 * 600 * 8;
    assertThat(image).isGreaterThanOrEqualTo(BigInteger.valueOf(decoded));
    assertThat(ids).isLessThan(BigInteger.valueOf(VOLUMES * 1024L));
    assertThat(shape).isLessThan(BigInteger.valueOf(VOLUMES * 1024L));
    assertThat(stats(read(big).select("resource_id")).rowCount().get().bigInteger())
        .isEqualTo(BigInteger.valueOf(VOLUMES));
  }

  @Test
  void theImageIsSizedInTheRequestedPixelDtype() {
    // 2,000 x 512 x 512 x 600 voxels: float64 under the SDK's rules, 4 bytes as float32, 2 as
    // stored (native int16)
    long voxels = (long) VOLUMES * 512 * 512 * 600;
    BigInteger sdk = stats(read(big).select("image")).sizeInBytes().bigInteger();
    BigInteger float32 =
        stats(read(big, "pixel_dtype", "float32").select("image")).sizeInBytes().bigInteger();
    BigInteger stored =
        stats(read(big, "pixel_dtype", "native").select("image")).sizeInBytes().bigInteger();
    assertThat(sdk).isBetween(BigInteger.valueOf(8 * voxels), BigInteger.valueOf(9 * voxels));
    assertThat(float32).isBetween(BigInteger.valueOf(4 * voxels), BigInteger.valueOf(5 * voxels));
    assertThat(stored).isBetween(BigInteger.valueOf(2 * voxels), BigInteger.valueOf(3 * voxels));
  }

  @Test
  void aSliceReadCountsItsSlicesAsRows() {
    Dataset<Row> slices = read(sample, "slice", "axial");
    long count = slices.count();
    assertThat(stats(slices).rowCount().get().longValue()).isEqualTo(count);
    assertThat(stats(read(big, "slice", "axial")).rowCount().get().longValue())
        .isEqualTo(VOLUMES * 600L);
    Dataset<Row> whole = read(sample);
    assertThat(stats(whole).rowCount().get().longValue()).isEqualTo(whole.count());
  }

  @Test
  void aTensorScanIsNotBroadcast() {
    var spark = SharedSpark.session();
    assertThat(spark.sessionState().conf().autoBroadcastJoinThreshold()).isEqualTo(10L << 20);
    Dataset<Row> small =
        spark.range(10).selectExpr("concat('ct', CAST(id AS STRING)) AS resource_id", "id");
    Dataset<Row> tensors = read(big).select("resource_id", "image");
    // a left outer join can only build (broadcast) its right side: the tensors
    Dataset<Row> joined = small.join(tensors, "resource_id", "left_outer");
    SparkPlan plan = joined.queryExecution().executedPlan();
    String text = plan.toString();
    assertThat(text).doesNotContain("BroadcastExchange").doesNotContain("BroadcastHashJoin");
    assertThat(text).contains("SortMergeJoin");
  }

  @Test
  void sliceRowsFollowTheMetadataGeometryOfEachPlane() {
    // volumes in many orientations whose metadata decides their slices: the estimate is the count
    String oriented =
        OrientedVolumes.all().write(tmp.resolve("oriented"), v -> v.decided()).toString();
    for (String plane : new String[] {"axial", "coronal", "sagittal"}) {
      Dataset<Row> slices = read(oriented, "slice", plane).select("resource_id");
      assertThat(stats(slices).rowCount().get().longValue()).as(plane).isEqualTo(slices.count());
    }
  }
}
