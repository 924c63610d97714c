package io.datamint.spark.internal.catalog;

import io.datamint.spark.internal.read.DatamintResourceTable;
import io.datamint.spark.internal.read.DatamintTable;
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
 * <p>Per-read options ({@code spark.read().option(k, v).table(...)}, or SQL {@code WITH ('k' =
 * 'v')}) reach {@link #newScanBuilder}: they are merged over the catalog's options and the project
 * is read again with them. Spark fixed the columns when it loaded the table, so an option that
 * changes them ({@code mode}, {@code slice}, {@code return_metainfo}, label selection...) is
 * refused there with an error saying to set it on the catalog.
 */
public final class ResourcesTable implements DatamintResourceTable {

  private final String name;
  private final DatamintTable table;
  private final Map<String, String> properties;
  private final Function<Map<String, String>, DatamintTable> reload;

  /**
   * @param name the table's display name
   * @param table the data source table of the project
   * @param properties the table properties
   * @param reload reads the project again with extra per-read options merged over the catalog's
   */
  public ResourcesTable(
      String name,
      DatamintTable table,
      Map<String, String> properties,
      Function<Map<String, String>, DatamintTable> reload) {
    this.name = name;
    this.table = table;
    this.properties = Map.copyOf(properties);
    this.reload = reload;
  }

  /** The wrapped data source table. */
  public DatamintTable table() {
    return table;
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
    return table.capabilities();
  }

  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
    if (options.isEmpty()) {
      return table.newScanBuilder(options);
    }
    DatamintTable withOptions = reload.apply(new LinkedHashMap<>(options.asCaseSensitiveMap()));
    if (!withOptions.schema().equals(table.schema())) {
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
