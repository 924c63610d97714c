package io.datamint.spark.internal.read.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.internal.config.ReadMode;
import io.datamint.spark.internal.plan.ResourcePartition;
import io.datamint.spark.internal.read.DatamintTable;
import io.datamint.spark.internal.read.DatamintTables;
import io.datamint.spark.internal.source.ResourceFileStore;
import io.datamint.spark.testing.SharedSpark;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * A mirror read planned on the driver as one partition, for tests that drive a {@link
 * ResourceBatchReader} by hand with a reader factory changed in one part (its settings, or its file
 * store).
 *
 * @param partition the one partition planned
 * @param factory the scan's own reader factory
 */
record OnePartitionScan(ResourcePartition partition, DatamintReaderFactory factory) {

  /** Plans a read of the mirror {@code dir} in {@code mode}, asking for one partition. */
  static OnePartitionScan of(Path dir, ReadMode mode) {
    DatamintTable table =
        DatamintTables.load(
            SharedSpark.session(),
            Map.of(
                "path",
                dir.toString(),
                "mode",
                mode.name(),
                "target_partition_bytes", // given: one partition, not one per core
                "64m"));
    Batch scan = table.newScanBuilder(CaseInsensitiveStringMap.empty()).build().toBatch();
    InputPartition[] partitions = scan.planInputPartitions();
    assertThat(partitions).hasSize(1);
    return new OnePartitionScan(
        (ResourcePartition) partitions[0], (DatamintReaderFactory) scan.createReaderFactory());
  }

  /** A reader of the partition whose factory has {@code settings} instead of the scan's. */
  ResourceBatchReader readerWith(ReadSettings settings) {
    return reader(settings, factory.files());
  }

  /** A reader of the partition whose factory opens files through {@code files}. */
  ResourceBatchReader readerWith(ResourceFileStore files) {
    return reader(factory.settings(), files);
  }

  private ResourceBatchReader reader(ReadSettings settings, ResourceFileStore files) {
    return new ResourceBatchReader(
        partition,
        new DatamintReaderFactory(
            factory.readSchema(), settings, files, factory.targets(), factory.expander()));
  }
}
