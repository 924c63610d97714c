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
 *
 * <p>{@link #plan(List, int, ToLongFunction)} also gives every core work: when the target makes
 * fewer partitions than the cores (a small project: 100 photos of 64 MB are one partition of 64
 * MB), the resources are cut instead into as many contiguous partitions as cores (or resources), of
 * about equal estimated cost ({@link DecodeCost}).
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

  /**
   * Plans by the target, or, when that gives fewer than {@code minPartitions} partitions and there
   * are more resources than partitions, into {@code min(minPartitions, resources)} contiguous
   * partitions of about equal {@code cost}; source order is kept within and across partitions.
   *
   * @param minPartitions the partitions wanted at least (the session's default parallelism), or 1
   */
  public List<ResourcePartition> plan(
      List<PlannedResource> resources, int minPartitions, ToLongFunction<PlannedResource> cost) {
    List<ResourcePartition> byTarget = plan(resources);
    int wanted = Math.min(minPartitions, resources.size());
    return byTarget.size() >= wanted ? byTarget : balanced(resources, wanted, cost);
  }

  /**
   * {@code count} contiguous partitions (1 to {@code resources.size()}) of about equal cost: a
   * partition closes before the resource whose middle lies past its share of the total cost, or
   * when the resources left are only enough to give every partition left one.
   */
  static List<ResourcePartition> balanced(
      List<PlannedResource> resources, int count, ToLongFunction<PlannedResource> cost) {
    int n = resources.size();
    if (count < 1 || count > n) {
      throw new IllegalArgumentException(count + " partitions of " + n + " resources");
    }
    long[] costs = new long[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      costs[i] = Math.max(1, cost.applyAsLong(resources.get(i)));
      total += costs[i];
    }
    List<ResourcePartition> out = new ArrayList<>(count);
    List<PlannedResource> current = new ArrayList<>();
    long currentBytes = 0;
    double before = 0;
    for (int i = 0; i < n; i++) {
      int partition = out.size();
      if (!current.isEmpty() && partition < count - 1) {
        boolean past = before + costs[i] / 2.0 > total * (partition + 1) / count;
        boolean needed = n - i == count - 1 - partition;
        if (past || needed) {
          out.add(new ResourcePartition(partition, List.copyOf(current), currentBytes));
          current.clear();
          currentBytes = 0;
        }
      }
      current.add(resources.get(i));
      currentBytes += bytes(resources.get(i));
      before += costs[i];
    }
    out.add(new ResourcePartition(out.size(), List.copyOf(current), currentBytes));
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
