package io.datamint.spark.internal.read;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.Column;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * A resources table whose scans read only resources having every one of some tags. {@link
 * TagPushdownRule} puts it in place of the table of a relation before Spark builds that relation's
 * scan; in every other respect (name, columns, properties, options) it is the table it wraps.
 */
final class TagNarrowedTable implements DatamintResourceTable {

  private final DatamintResourceTable base;
  private final List<String> tags;

  private TagNarrowedTable(DatamintResourceTable base, List<String> tags) {
    this.base = base;
    this.tags = tags;
  }

  /**
   * {@code table} narrowed to resources having all of {@code tags} as well as the tags it already
   * requires; the table itself when it requires them all already (so that the rule reaches a fixed
   * point).
   */
  static DatamintResourceTable narrow(DatamintResourceTable table, Collection<String> tags) {
    DatamintResourceTable base = table instanceof TagNarrowedTable narrowed ? narrowed.base : table;
    Set<String> all = new LinkedHashSet<>(requiredTags(table));
    if (!all.addAll(tags)) {
      return table;
    }
    return new TagNarrowedTable(base, List.copyOf(all));
  }

  /** The tags {@code table}'s scans require: none unless it is a narrowed table. */
  static List<String> requiredTags(DatamintResourceTable table) {
    return table instanceof TagNarrowedTable narrowed ? narrowed.tags : List.of();
  }

  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
    ScanBuilder builder = base.newScanBuilder(options);
    if (builder instanceof DatamintScanBuilder datamint) {
      datamint.requireTags(tags);
    }
    return builder;
  }

  @Override
  public String name() {
    return base.name();
  }

  @Override
  @SuppressWarnings("deprecation")
  public StructType schema() {
    return base.schema();
  }

  @Override
  public Column[] columns() {
    return base.columns();
  }

  @Override
  public Map<String, String> properties() {
    return base.properties();
  }

  @Override
  public Set<TableCapability> capabilities() {
    return base.capabilities();
  }

  @Override
  public String toString() {
    return base + " requiring tags " + tags;
  }
}
