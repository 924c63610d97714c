package io.datamint.spark.internal.read;

import io.datamint.spark.internal.api.model.Annotation;
import io.datamint.spark.internal.dataset.ResourceSelection;
import io.datamint.spark.internal.plan.DecodeCost;
import io.datamint.spark.internal.plan.PartitionPlanner;
import io.datamint.spark.internal.plan.PlannedResource;
import io.datamint.spark.internal.plan.ResourcePartition;
import io.datamint.spark.internal.read.executor.DatamintReaderFactory;
import io.datamint.spark.internal.read.executor.RowIndexFilter;
import io.datamint.spark.internal.schema.DatamintSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.Statistics;
import org.apache.spark.sql.connector.read.SupportsReportStatistics;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A planned read of a project: the selected resources, narrowed by the pushed predicates, the tags
 * that {@link TagPushdownRule} found in {@code array_contains(tags, ...)} filters, and the limit,
 * split into partitions by estimated bytes. Planning touches only metadata; no resource file is
 * opened on the driver.
 *
 * <p>What the scan reads is fixed when its builder builds it; only the partitions are computed
 * later (once, on first use).
 */
final class DatamintScan implements Scan, Batch, SupportsReportStatistics {

  private final DatamintTable table;
  private final StructType readSchema;
  private final List<Predicate> pushed;
  private final List<ResourcePredicate> predicates;
  private final RowIndexFilter rowFilter;
  private final Integer limit;
  private final List<String> requiredTags;
  private List<ResourcePartition> partitions;
  private long planningNanos;
  private long resourcesPlanned;

  /**
   * @param requiredTags tags every read resource must have (in the order they were found, for
   *     {@code explain()})
   */
  DatamintScan(
      DatamintTable table,
      StructType readSchema,
      List<Predicate> pushed,
      List<ResourcePredicate> predicates,
      RowIndexFilter rowFilter,
      Integer limit,
      List<String> requiredTags) {
    this.table = table;
    this.readSchema = readSchema;
    this.pushed = pushed;
    this.predicates = predicates;
    this.rowFilter = rowFilter;
    this.limit = limit;
    this.requiredTags = List.copyOf(requiredTags);
  }

  @Override
  public StructType readSchema() {
    return readSchema;
  }

  @Override
  public Batch toBatch() {
    return this;
  }

  @Override
  public synchronized InputPartition[] planInputPartitions() {
    if (partitions == null) {
      long start = System.nanoTime();
      boolean readsFiles = DatamintSchema.readsFiles(readSchema);
      RowWeight weight = new RowWeight(table.options(), readsFiles, table.snapshot());
      List<ResourceSelection.Selected> selected = selectedResources();
      List<PlannedResource> resources = plannedResources(selected);
      if (!readsFiles) {
        // No file is read: a resource costs a row of metadata, not its file's bytes.
        partitions =
            PartitionPlanner.byRows(PartitionPlanner.METADATA_ROWS_PER_PARTITION, weight::of)
                .plan(resources);
      } else {
        // Files are decoded: at least a partition per core unless the user set the target
        int cores = table.options().partitionTargetGiven() ? 1 : defaultParallelism();
        if (table.options().expandsRows()) {
          partitions =
              PartitionPlanner.byRows(table.options().targetPartitionRows(), weight::of)
                  .plan(resources, cores, weight::of);
        } else {
          Map<String, Long> costs = new HashMap<>();
          for (ResourceSelection.Selected s : selected) {
            costs.put(s.resource().id(), DecodeCost.of(s.resource()));
          }
          partitions =
              PartitionPlanner.byBytes(table.options().targetPartitionBytes())
                  .plan(resources, cores, r -> costs.getOrDefault(r.resourceId(), 1L));
        }
      }
      resourcesPlanned = resources.size();
      planningNanos = System.nanoTime() - start;
    }
    return partitions.toArray(new InputPartition[0]);
  }

  @Override
  public PartitionReaderFactory createReaderFactory() {
    return DatamintReaderFactory.create(
        readSchema, table.options(), table.snapshot().fileStore(), table.labels(), rowFilter);
  }

  @Override
  public CustomMetric[] supportedCustomMetrics() {
    return ReadMetrics.supported();
  }

  @Override
  public synchronized CustomTaskMetric[] reportDriverMetrics() {
    return ReadMetrics.driverValues(
        resourcesPlanned,
        partitions == null ? 0 : partitions.size(),
        planningNanos,
        table.snapshot().loadNanos(),
        table.snapshot().metadataRequests());
  }

  /**
   * Rows and bytes from the read schema and the metadata ({@link ScanStatistics}): a scan that
   * reads tensors is as large as its decoded pixels, and slice and frame rows are counted as rows.
   */
  @Override
  public Statistics estimateStatistics() {
    ScanStatistics stats =
        new ScanStatistics(
            readSchema,
            table.options().slicePlane(),
            table.options().frameByFrame(),
            table.options().dataset(),
            table.options().pixelDtype());
    for (ResourceSelection.Selected selected : selectedResources()) {
      int segmentations = 0;
      for (Annotation annotation : selected.annotations()) {
        if ("segmentation".equals(annotation.annotationType())) {
          segmentations++;
        }
      }
      stats.add(selected.resource(), selected.annotations().size(), segmentations);
    }
    long rows = stats.rows();
    long size = stats.sizeInBytes();
    return new Statistics() {
      @Override
      public OptionalLong sizeInBytes() {
        return OptionalLong.of(size);
      }

      @Override
      public OptionalLong numRows() {
        return OptionalLong.of(rows);
      }
    };
  }

  /** The resources this scan reads, in source order. */
  /** The session's default parallelism (its cores), or 1 without an active session. */
  private static int defaultParallelism() {
    return SparkSession.getActiveSession().isDefined()
        ? Math.max(1, SparkSession.active().sparkContext().defaultParallelism())
        : 1;
  }

  private static List<PlannedResource> plannedResources(
      List<ResourceSelection.Selected> selectedResources) {
    List<PlannedResource> out = new ArrayList<>();
    for (ResourceSelection.Selected selected : selectedResources) {
      out.add(PlannedResource.of(selected.resource(), selected.annotations(), selected.split()));
    }
    return out;
  }

  /** The selected resources this scan reads, in source order. */
  private synchronized List<ResourceSelection.Selected> selectedResources() {
    List<ResourceSelection.Selected> out = new ArrayList<>();
    for (ResourceSelection.Selected selected : table.selected()) {
      if (limit != null && out.size() >= limit) {
        break;
      }
      if (!selected.resource().tags().containsAll(requiredTags)) {
        continue;
      }
      PlannedResource resource =
          PlannedResource.of(selected.resource(), selected.annotations(), selected.split());
      if (passes(resource)) {
        out.add(selected);
      }
    }
    return out;
  }

  private boolean passes(PlannedResource resource) {
    for (ResourcePredicate predicate : predicates) {
      if (!Boolean.TRUE.equals(predicate.test(resource))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public synchronized String description() {
    List<String> columns = new ArrayList<>();
    for (StructField field : readSchema.fields()) {
      columns.add(field.name());
    }
    StringBuilder out =
        new StringBuilder("DatamintScan[")
            .append(table.snapshot().sourceDescription())
            .append(", project=")
            .append(table.snapshot().project().name())
            .append(", selection=")
            .append(table.selection())
            .append(", PushedPredicates=")
            .append(pushed)
            .append(", PushedTags=")
            .append(requiredTags)
            .append(", PushedLimit=")
            .append(limit == null ? "none" : limit)
            .append(", ReadColumns=")
            .append(columns)
            .append(", ReadsFiles=")
            .append(DatamintSchema.readsFiles(readSchema) || table.options().expandsRows());
    if (table.options().slicePlane() != null) {
      out.append(", Slices=").append(table.options().slicePlane().label());
    }
    if (table.options().frameByFrame()) {
      out.append(", Frames=true");
    }
    if (partitions != null) {
      out.append(", Partitions=").append(partitions.size());
    }
    return out.append(']').toString();
  }
}
