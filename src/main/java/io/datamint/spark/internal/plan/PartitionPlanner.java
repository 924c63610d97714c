package io.datamint.spark.internal.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Groups resources into input partitions, keeping source order: by the bytes of the resources'
 * reported {@code size} ({@code target_partition_bytes}), or, when resources expand into slice or
 * frame rows, by their row counts from the metadata's frame counts ({@code target_partition_rows}),
 * or, when a read opens no file, by {@link #METADATA_ROWS_PER_PARTITION} rows. A resource over the
 * target gets a partition of its own; a resource without a size counts as {@link
 * #UNKNOWN_SIZE_ESTIMATE} bytes, one without a frame count as {@link #UNKNOWN_ROWS_ESTIMATE} rows.
 */
public final class PartitionPlanner {

  /** The estimate for a resource whose size the source does not report. */
  public static final long UNKNOWN_SIZE_ESTIMATE = 1L << 20;

  /** The estimate of rows for a resource whose frame count the metadata does not give. */
  public static final long UNKNOWN_ROWS_ESTIMATE = 64;

  /**
   * Rows per partition of a read that opens no file (metadata columns, {@code count(*)}): such a
   * row costs microseconds, so partitions by file bytes (a 50,000-resource count ran 5,091 tasks)
   * would spend the job on task overhead. Bounded so that a task's serialized resources stay near a
   * megabyte, Spark's size for a warning.
   */
  public static final long METADATA_ROWS_PER_PARTITION = 5_000;

  private final long target;
  private final ToLongFunction<PlannedResource> weight;

  private PartitionPlanner(long target, ToLongFunction<PlannedResource> weight, String what) {
    if (target <= 0) {
      throw new IllegalArgumentException(
          "target partition " + what + " must be positive: " + target);
    }
    this.target = target;
    this.weight = weight;
  }

  /** Partitions of about {@code targetBytes} of resource files. */
  public static PartitionPlanner byBytes(long targetBytes) {
    return new PartitionPlanner(targetBytes, PartitionPlanner::bytes, "bytes");
  }

  /** Partitions of about {@code targetRows} slice or frame rows, by the metadata's frame counts. */
  public static PartitionPlanner byRows(long targetRows) {
    return byRows(targetRows, PartitionPlanner::rows);
  }

  /**
   * Partitions of about {@code targetRows} rows, with {@code rows} estimating each resource's rows.
   */
  public static PartitionPlanner byRows(long targetRows, ToLongFunction<PlannedResource> rows) {
    return new PartitionPlanner(targetRows, rows, "rows");
  }

  /** Plans the partitions; an empty input gives no partition. */
  public List<ResourcePartition> plan(List<PlannedResource> resources) {
    List<ResourcePartition> out = new ArrayList<>();
    List<PlannedResource> current = new ArrayList<>();
    long currentWeight = 0;
    long currentBytes = 0;
    for (PlannedResource resource : resources) {
      long w = weight.applyAsLong(resource);
      if (!current.isEmpty() && currentWeight + w > target) {
        out.add(new ResourcePartition(out.size(), List.copyOf(current), currentBytes));
        current.clear();
        currentWeight = 0;
        currentBytes = 0;
      }
      current.add(resource);
      currentWeight += w;
      currentBytes += bytes(resource);
    }
    if (!current.isEmpty()) {
      out.add(new ResourcePartition(out.size(), List.copyOf(current), currentBytes));
    }
    return out;
  }

  static long bytes(PlannedResource resource) {
    Long size = resource.size();
    return size == null || size < 0 ? UNKNOWN_SIZE_ESTIMATE : size;
  }

  /** A resource's rows from its metadata frame count, or {@link #UNKNOWN_ROWS_ESTIMATE}. */
  public static long rows(PlannedResource resource) {
    Integer frames = resource.numFrames();
    return frames == null || frames < 1 ? UNKNOWN_ROWS_ESTIMATE : frames;
  }
}
