package io.datamint.spark.read;

import io.datamint.spark.config.DatamintOptions;
import io.datamint.spark.dataset.ResourceSelection;
import io.datamint.spark.schema.DatamintSchema;
import io.datamint.spark.source.ProjectSnapshot;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * One project read as a table of resources. Holds the project snapshot read at {@code load()} and the resource
 * selection its options define (computed once, shared by every scan of this table).
 */
public final class DatamintTable implements SupportsRead {

  private final ProjectSnapshot snapshot;
  private final DatamintOptions options;
  private final StructType schema;
  private List<ResourceSelection.Selected> selected;

  DatamintTable(ProjectSnapshot snapshot, DatamintOptions options) {
    this.snapshot = snapshot;
    this.options = options;
    this.schema = schemaFor(options);
  }

  /** The schema of a read with these options. */
  static StructType schemaFor(DatamintOptions options) {
    return DatamintSchema.resources();
  }

  @Override
  public String name() {
    return "datamint." + snapshot.project().name();
  }

  @Override
  public StructType schema() {
    return schema;
  }

  @Override
  public Set<TableCapability> capabilities() {
    return Set.of(TableCapability.BATCH_READ);
  }

  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap ignored) {
    return new DatamintScanBuilder(this);
  }

  ProjectSnapshot snapshot() {
    return snapshot;
  }

  DatamintOptions options() {
    return options;
  }

  /** The resources this read covers, before SQL predicates, in source order. */
  synchronized List<ResourceSelection.Selected> selected() {
    if (selected == null) {
      selected = ResourceSelection.of(options).apply(snapshot);
    }
    return selected;
  }
}
