package io.datamint.spark.internal.lineage;

import io.datamint.spark.internal.api.model.Project;
import io.datamint.spark.internal.api.model.Resource;
import io.datamint.spark.internal.config.DatamintOptions;
import io.datamint.spark.internal.read.DatamintTable;
import io.datamint.spark.internal.read.DatamintTables;
import io.datamint.spark.internal.schema.Columns;
import io.datamint.spark.internal.schema.ResourceAttribute;
import io.datamint.spark.internal.slice.SlicePlane;
import io.datamint.spark.lineage.DatasetLineage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Behind {@code io.datamint.spark.DatamintLineage}: a read's MLflow dataset fields, as the SDK's
 * {@code build_mlflow_dataset()} gives them for the same selection and split. The project's
 * metadata is read once on the driver (the read's {@code load()}); a slice or frame read also runs
 * one Spark job over the read's {@code resource_id} and index columns, since the number of slices
 * or frames of a resource is the decoded file's (the SDK's digest lists every slice).
 */
public final class ReadLineage {

  /** The data source's short name ({@code DatamintDataSource.SHORT_NAME}, pinned by a test). */
  public static final String FORMAT = "datamint";

  private static final Logger LOG = LoggerFactory.getLogger(ReadLineage.class);

  private ReadLineage() {}

  /**
   * The lineage of the read {@code readOptions} define, or of its split {@code splitName}.
   *
   * @throws io.datamint.spark.internal.config.InvalidOptionException for a bad option, or a split
   *     name the read does not have
   */
  public static DatasetLineage of(
      SparkSession spark, Map<String, String> readOptions, String splitName) {
    DatamintTable table = DatamintTables.load(spark, readOptions);
    DatamintOptions options = table.options();
    SplitItems split = SplitItems.of(table.selected(), options.splits(), splitName);
    List<LineageItem> items;
    if (options.slicePlane() != null) {
      items =
          expanded(
              spark, readOptions, split.resources(), Columns.SLICE_INDEX, options.slicePlane());
    } else if (options.frameByFrame()) {
      items = expanded(spark, readOptions, split.resources(), Columns.FRAME_INDEX, null);
    } else {
      items = new ArrayList<>();
      for (Resource r : split.resources()) {
        items.add(LineageItem.resource(r.id(), r.filename(), SdkResourceClass.of(r), r.storage()));
      }
    }
    Project project = table.snapshot().project();
    return SdkMlflowDataset.of(
        project.id(),
        project.name(),
        splitName,
        items,
        ExtraParams.of(options, split.splitSource(), split.splitAsOf()));
  }

  /** The slice or frame items of {@code resources}, their indices from the read's rows. */
  private static List<LineageItem> expanded(
      SparkSession spark,
      Map<String, String> readOptions,
      List<Resource> resources,
      String indexColumn,
      SlicePlane plane) {
    Map<String, TreeSet<Integer>> indices = new HashMap<>();
    List<Row> rows =
        spark
            .read()
            .format(FORMAT)
            .options(readOptions)
            .load()
            .select(ResourceAttribute.RESOURCE_ID.column(), indexColumn)
            .collectAsList();
    for (Row row : rows) {
      if (row.isNullAt(1)) {
        LOG.warn(
            "resource {} has a row without {} (an error row): not in the lineage",
            row.getString(0),
            indexColumn);
        continue;
      }
      indices.computeIfAbsent(row.getString(0), k -> new TreeSet<>()).add(row.getInt(1));
    }
    List<LineageItem> items = new ArrayList<>();
    for (Resource r : resources) {
      for (int index : indices.getOrDefault(r.id(), new TreeSet<>())) {
        items.add(
            plane == null
                ? LineageItem.frame(r.id(), r.filename())
                : LineageItem.slice(r.id(), r.filename(), index, plane.label()));
      }
    }
    return items;
  }
}
