package io.datamint.spark.internal.catalog;

import io.datamint.spark.internal.read.DatamintResourceTable;
import io.datamint.spark.internal.read.DatamintTable;
import io.datamint.spark.internal.read.DeferredTable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * A project's {@code resources} table: the data source's {@link DatamintTable}, unchanged, plus the
 * table properties {@code DESCRIBE TABLE EXTENDED} shows. Scans are the data source's own, so every
 * pushdown applies.
 *
 * <p>When the read's label sets come from the project's worklists alone (the default: option {@code
 * worklists} other than {@code none}, no {@code allow_external_annotations}), the columns are
 * computed from the worklists and the options, and the {@link DatamintTable} is made at the first
 * scan, once ({@link DeferredTable}): {@code DESCRIBE}, {@code SHOW COLUMNS} and {@code
 * spark.table(...).schema} read neither resources nor annotations. So the errors {@code
 * spark.read().format("datamint").load()} gives at once for a bad resource selection or splits that
 * cannot be satisfied appear at the table's first scan. The properties hold nothing read from the
 * resources (no counts); {@code DESCRIBE TABLE EXTENDED} reads the project all the same, since
 * Spark builds a scan to show its statistics (rows, size). With labels inferred from the data or
 * external annotations allowed, the project is read when the table is loaded, as by {@code load()}.
 *
 * <p>Per-read options ({@code spark.read().option(k, v).table(...)}, or SQL {@code WITH ('k' =
 * 'v')}) reach {@link #newScanBuilder}: they are merged over the catalog's options and the project
 * is read again with them. Spark fixed the columns when it loaded the table, so an option that
 * changes them ({@code mode}, {@code slice}, {@code return_metainfo}, label selection...) is
 * refused there with an error saying to set it on the catalog.
 */
public final class ResourcesTable implements DatamintResourceTable {

  private final String name;
  private final DeferredTable table;
  private final Map<String, String> properties;
  private final Function<Map<String, String>, DatamintTable> reload;

  /**
   * @param name the table's display name
   * @param table the data source table of the project, made when first scanned
   * @param properties the table properties
   * @param reload reads the project again with extra per-read options merged over the catalog's
   */
  public ResourcesTable(
      String name,
      DeferredTable table,
      Map<String, String> properties,
      Function<Map<String, String>, DatamintTable> reload) {
    this.name = name;
    this.table = table;
    this.properties = Map.copyOf(properties);
    this.reload = reload;
  }

  /** The wrapped data source table, made (the project read) at the first call. */
  public DatamintTable table() {
    return table.table();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public StructType schema() {
    return table.schema();
  }

  @Override
  public Map<String, String> properties() {
    return properties;
  }

  @Override
  public Set<TableCapability> capabilities() {
    return DatamintTable.CAPABILITIES;
  }

  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
    if (options.isEmpty()) {
      return table().newScanBuilder(options);
    }
    DatamintTable withOptions = reload.apply(new LinkedHashMap<>(options.asCaseSensitiveMap()));
    if (!withOptions.schema().equals(schema())) {
      throw new IllegalArgumentException(
          "the read options "
              + options.asCaseSensitiveMap().keySet()
              + " change "
              + "the columns of "
              + name
              + "; set them as catalog options (spark.sql.catalog.<catalog>.<option>) or "
              + "read with spark.read().format(\"datamint\")");
    }
    return withOptions.newScanBuilder(options);
  }
}
