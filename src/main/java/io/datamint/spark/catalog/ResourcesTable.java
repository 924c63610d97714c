package io.datamint.spark.catalog;

import io.datamint.spark.read.DatamintTable;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * A project's {@code resources} table: the data source's {@link DatamintTable}, unchanged, plus the table
 * properties {@code DESCRIBE TABLE EXTENDED} shows. Scans are the data source's own, so every pushdown applies.
 */
public final class ResourcesTable implements SupportsRead {

  private final String name;
  private final DatamintTable table;
  private final Map<String, String> properties;

  /**
   * @param name the table's display name
   * @param table the data source table of the project
   * @param properties the table properties
   */
  public ResourcesTable(String name, DatamintTable table, Map<String, String> properties) {
    this.name = name;
    this.table = table;
    this.properties = Map.copyOf(properties);
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
    return table.newScanBuilder(options);
  }
}
