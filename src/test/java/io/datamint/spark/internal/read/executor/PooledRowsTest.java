package io.datamint.spark.internal.read.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.internal.core.SpareArrays;
import io.datamint.spark.internal.plan.PlannedResource;
import io.datamint.spark.internal.plan.ResourcePartition;
import io.datamint.spark.internal.read.DatamintTable;
import io.datamint.spark.internal.read.DatamintTables;
import io.datamint.spark.internal.sample.DicomWriter;
import io.datamint.spark.testing.SharedSpark;
import io.datamint.spark.testing.TestMirror;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader's reuse of decoded arrays ({@code core.PixelBufferPool}): volumes of the same shape
 * and different values, cut into slice or frame rows that span batches (a row that does not fit
 * opens the next batch), read in one partition, give every row the values it has when each volume
 * is read in a partition of its own (where no array can be reused); and arrays were reused. An
 * array handed out again while a row of an earlier volume still needed it would give that row
 * another volume's values.
 */
class PooledRowsTest {

  @TempDir Path tmp;

  private static final int SIDE = 8;
  private static final int FRAMES = 5;
  private static final int VOLUMES = 5;

  /** Room for two float64 slices per batch column: the third row of a batch is held. */
  private static final long COLUMN_BYTES = 2L * SIDE * SIDE * 8 + 100;

  private Path project(int frames) throws IOException {
    TestMirror m = TestMirror.in(tmp.resolve("p"));
    for (int v = 0; v < VOLUMES; v++) {
      m.resourceLine(
          "{\"id\": \"v"
              + v
              + "\", \"filename\": \"v"
              + v
              + ".dcm\", \"mimetype\": \"application/dicom\", \"storage\": \"DicomResource\","
              + " \"modality\": \"CT\", \"patient_id\": null, \"size\": 1000, \"tags\": [],"
              + " \"created_at\": \"2026-01-01T00:00:00Z\", \"status\": \"published\","
              + " \"metadata\": {}}");
    }
    Path dir = m.write();
    for (int v = 0; v < VOLUMES; v++) {
      short[] values = new short[SIDE * SIDE * frames];
      for (int i = 0; i < values.length; i++) {
        values[i] = (short) (v * 1000 + i);
      }
      Files.write(
          dir.resolve("files/resources/v" + v),
          DicomWriter.encode(
              new DicomWriter.CtSeries(
                  "P",
                  "P^Q",
                  "20260101",
                  "1.2.3",
                  "1.2.3." + v,
                  "1.2.3.4." + v,
                  "1.2.3.6",
                  SIDE,
                  SIDE,
                  frames,
                  1,
                  1,
                  1,
                  new double[] {0, 0, 0},
                  values)));
    }
    return dir;
  }

  /** Each row as "resource_id index: base64 of its image bytes", batch by batch. */
  private static List<String> rows(
      DatamintReaderFactory factory, ResourcePartition partition, long[] reuses) {
    StructType schema = factory.readSchema();
    int id = schema.fieldIndex("resource_id");
    int image = schema.fieldIndex("image");
    // the expansion's index column: slice_index when sliced, frame_index frame by frame
    int index =
        schema.getFieldIndex("slice_index").isDefined()
            ? schema.fieldIndex("slice_index")
            : schema.getFieldIndex("frame_index").isDefined()
                ? schema.fieldIndex("frame_index")
                : -1;
    List<String> out = new ArrayList<>();
    try (ResourceBatchReader reader = new ResourceBatchReader(partition, factory)) {
      while (reader.next()) {
        Iterator<InternalRow> it = reader.get().rowIterator();
        while (it.hasNext()) {
          InternalRow row = it.next();
          assertThat(row.isNullAt(image)).isFalse();
          out.add(
              row.getUTF8String(id)
                  + " "
                  + (index < 0 || row.isNullAt(index) ? "" : row.getInt(index))
                  + ": "
                  + Base64.getEncoder().encodeToString(row.getStruct(image, 3).getBinary(2)));
        }
      }
      reuses[0] = reader.pool().reuses();
    }
    return out;
  }

  private void assertSameRowsAsOneVolumePerPartition(Map<String, String> options, int frames)
      throws IOException {
    Map<String, String> all = new HashMap<>(options);
    all.put("path", project(frames).toString());
    all.put("target_partition_bytes", "64m"); // one partition
    all.put("batch_size", "3");
    DatamintTable table = DatamintTables.load(SharedSpark.session(), all);
    Batch scan = table.newScanBuilder(CaseInsensitiveStringMap.empty()).build().toBatch();
    InputPartition[] partitions = scan.planInputPartitions();
    assertThat(partitions).hasSize(1);
    ResourcePartition together = (ResourcePartition) partitions[0];
    assertThat(together.resources()).hasSize(VOLUMES);
    DatamintReaderFactory real = (DatamintReaderFactory) scan.createReaderFactory();
    DatamintReaderFactory small =
        new DatamintReaderFactory(
            real.readSchema(),
            real.settings().withBatchBounds(1L << 30, COLUMN_BYTES),
            real.files(),
            real.targets(),
            real.expander());

    long[] reuses = new long[1];
    List<String> pooled = rows(small, together, reuses);
    List<String> alone = new ArrayList<>();
    long[] none = new long[1];
    int index = 0;
    for (PlannedResource resource : together.resources()) {
      SpareArrays.SHARED.clear(); // the reference: no array handed on from an earlier partition
      alone.addAll(rows(real, new ResourcePartition(index++, List.of(resource), 0), none));
      assertThat(none[0]).isZero();
    }
    assertThat(pooled).hasSize(VOLUMES * frames).containsExactlyElementsOf(alone);
    assertThat(reuses[0]).as("arrays reused").isPositive();

    // one resource per partition again, each partition's arrays handed on to the next
    SpareArrays.SHARED.clear();
    List<String> handedOn = new ArrayList<>();
    long handedOnReuses = 0;
    index = 0;
    for (PlannedResource resource : together.resources()) {
      handedOn.addAll(rows(real, new ResourcePartition(index++, List.of(resource), 0), none));
      handedOnReuses += none[0];
    }
    assertThat(handedOn).containsExactlyElementsOf(alone);
    assertThat(handedOnReuses).as("arrays of earlier partitions reused").isPositive();
  }

  @Test
  void slicedVolumesKeepTheirValuesWhileArraysAreReused() throws IOException {
    assertSameRowsAsOneVolumePerPartition(Map.of("slice", "axial"), FRAMES);
  }

  /**
   * One row per file, its decoded array: the row that does not fit in a batch waits for the next
   * one while its array is still lent.
   */
  @Test
  void wholeImagesKeepTheirValuesWhileArraysAreReused() throws IOException {
    assertSameRowsAsOneVolumePerPartition(Map.of(), 1);
  }

  @Test
  void streamedFramesKeepTheirValuesWhileArraysAreReused() throws IOException {
    assertSameRowsAsOneVolumePerPartition(Map.of("frame_by_frame", "true"), FRAMES);
  }
}
