package io.datamint.spark.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.internal.sample.SampleProject;
import io.datamint.spark.internal.slice.SlicePlane;
import io.datamint.spark.internal.util.BatchScans;
import io.datamint.spark.testing.SharedSpark;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slice reads that need nothing from the files take their rows from the volume geometry in the
 * metadata, and those are exactly the rows decoding gives: same count, same slice indexes, for
 * every plane, over the sample project and over volumes in many orientations.
 */
class SliceCountFromMetadataTest {

  @TempDir Path tmp;

  private static Dataset<Row> read(Path mirror, SlicePlane plane) {
    return reader(plane).load(mirror.toString());
  }

  private static org.apache.spark.sql.DataFrameReader reader(SlicePlane plane) {
    return SharedSpark.session()
        .read()
        .format("datamint")
        .option("slice", plane.label())
        .option("batch_size", "7");
  }

  /** resource/slice_index/slice_axis of each row, sorted ("-" for a null index). */
  private static List<String> keys(List<Row> rows) {
    return rows.stream()
        .map(
            r ->
                r.getString(0)
                    + "/"
                    + (r.isNullAt(1) ? "-" : r.getInt(1))
                    + "/"
                    + (r.isNullAt(2) ? "-" : r.getString(2)))
        .sorted()
        .toList();
  }

  private static long filesRead(Dataset<Row> df) {
    return BatchScans.metrics(df).get(ReadMetrics.FILES_READ);
  }

  /**
   * The metadata path's rows (no file column) against the decoded rows (the image selected), with
   * and without a slice_index predicate; returns the files the metadata-only count opened.
   */
  private static long compare(Path mirror, SlicePlane plane) {
    Dataset<Row> decoded =
        read(mirror, plane).select("resource_id", "slice_index", "slice_axis", "image.shape");
    List<Row> decodedRows = decoded.collectAsList();
    assertThat(filesRead(decoded)).as("the decoding read opens the files").isPositive();

    Dataset<Row> counted = read(mirror, plane).select("resource_id", "slice_index", "slice_axis");
    assertThat(keys(counted.collectAsList()))
        .as(plane.label() + " rows from metadata")
        .isEqualTo(keys(decodedRows));

    Dataset<Row> count = read(mirror, plane).groupBy().count();
    assertThat(count.collectAsList().get(0).getLong(0))
        .as(plane + " count(*)")
        .isEqualTo(decodedRows.size());

    // the same predicate on both (pushed down: a resource that fails to decode keeps its row)
    List<Row> decodedLater =
        read(mirror, plane)
            .where("slice_index >= 2")
            .select("resource_id", "slice_index", "slice_axis", "image.shape")
            .collectAsList();
    Dataset<Row> later =
        read(mirror, plane)
            .where("slice_index >= 2")
            .select("resource_id", "slice_index", "slice_axis");
    assertThat(keys(later.collectAsList()))
        .as(plane.label() + " rows with slice_index >= 2")
        .isEqualTo(keys(decodedLater));
    assertThat(decodedLater.stream().filter(r -> !r.isNullAt(1)).count())
        .isEqualTo(decodedRows.stream().filter(r -> !r.isNullAt(1) && r.getInt(1) >= 2).count());
    return filesRead(count);
  }

  @Test
  void metadataRowsAreTheDecodedRowsInEveryOrientation() {
    OrientedVolumes volumes = OrientedVolumes.all();
    Path mirror = volumes.write(tmp.resolve("all"), v -> true);
    long undecided = volumes.volumes().stream().filter(v -> !v.decided()).count();
    for (SlicePlane plane : SlicePlane.values()) {
      long opened = compare(mirror, plane);
      // the volumes whose metadata does not decide (for this plane or any), no more
      assertThat(opened).as(plane + " files opened").isBetween(1L, undecided);
    }
  }

  @Test
  void sliceCountsFromGeometryMetadataOpenNoFile() {
    Path mirror =
        OrientedVolumes.all().write(tmp.resolve("decided"), OrientedVolumes.Volume::decided);
    for (SlicePlane plane : SlicePlane.values()) {
      assertThat(compare(mirror, plane)).as(plane + " files opened").isZero();
    }
  }

  @Test
  void theSampleProjectCountsItsSlicesWithoutOpeningAFile() throws Exception {
    Path mirror = SampleProject.write(tmp.resolve("sample"), SampleProject.DEFAULT_SEED).dir();
    for (SlicePlane plane : SlicePlane.values()) {
      assertThat(compare(mirror, plane)).as(plane + " files opened").isZero();
    }
  }

  @Test
  void slicesCountedFromMetadataArePlannedAsResourcesNotRows() {
    OrientedVolumes volumes = OrientedVolumes.all();
    Path mirror = volumes.write(tmp.resolve("planned"), OrientedVolumes.Volume::decided);
    long resources = volumes.volumes().stream().filter(OrientedVolumes.Volume::decided).count();
    Dataset<Row> decoding =
        reader(SlicePlane.AXIAL)
            .option("target_partition_rows", "10")
            .load(mirror.toString())
            .select("resource_id", "image");
    Dataset<Row> counting =
        reader(SlicePlane.AXIAL)
            .option("target_partition_rows", "10")
            .load(mirror.toString())
            .select("resource_id", "slice_index");
    // decoded: by their rows (4 to 7 slices each, so one or two volumes a partition); counted from
    // metadata: a read that opens no file, one weight per resource, thousands a partition
    assertThat(decoding.rdd().getNumPartitions()).isGreaterThanOrEqualTo((int) resources / 2);
    assertThat(counting.rdd().getNumPartitions()).isEqualTo(1);
    assertThat(counting.count()).isEqualTo(decoding.count());
  }
}
