package io.datamint.spark.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups resources into input partitions of about {@code target_partition_bytes} each, by the resources' reported
 * {@code size}, keeping source order. A resource larger than the target gets a partition of its own; a resource
 * without a size counts as {@link #UNKNOWN_SIZE_ESTIMATE} bytes.
 */
public final class PartitionPlanner {

  /** The estimate for a resource whose size the source does not report. */
  public static final long UNKNOWN_SIZE_ESTIMATE = 1L << 20;

  private final long targetBytes;

  public PartitionPlanner(long targetBytes) {
    if (targetBytes <= 0) {
      throw new IllegalArgumentException("target partition bytes must be positive: " + targetBytes);
    }
    this.targetBytes = targetBytes;
  }

  /** Plans the partitions; an empty input gives no partition. */
  public List<ResourcePartition> plan(List<PlannedResource> resources) {
    List<ResourcePartition> out = new ArrayList<>();
    List<PlannedResource> current = new ArrayList<>();
    long currentBytes = 0;
    for (PlannedResource resource : resources) {
      long bytes = estimate(resource);
      if (!current.isEmpty() && currentBytes + bytes > targetBytes) {
        out.add(new ResourcePartition(out.size(), List.copyOf(current), currentBytes));
        current.clear();
        currentBytes = 0;
      }
      current.add(resource);
      currentBytes += bytes;
    }
    if (!current.isEmpty()) {
      out.add(new ResourcePartition(out.size(), List.copyOf(current), currentBytes));
    }
    return out;
  }

  static long estimate(PlannedResource resource) {
    Long size = resource.size();
    return size == null || size < 0 ? UNKNOWN_SIZE_ESTIMATE : size;
  }
}
