package io.datamint.spark;

import io.datamint.spark.internal.read.DatamintTable;
import io.datamint.spark.internal.read.DatamintTables;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * The {@code datamint} data source: {@code spark.read().format("datamint").load(path)}. Options are
 * validated and the project is read when the DataFrame is created, so a bad option or a malformed
 * mirror fails at {@code load()}. Spark finds it by its short name {@value #SHORT_NAME} ({@code
 * META-INF/services/org.apache.spark.sql.sources.DataSourceRegister}); {@code
 * format("io.datamint.spark.DatamintDataSource")} names it too.
 */
public final class DatamintDataSource implements TableProvider, DataSourceRegister {

  /** The short name users pass to {@code format()}. */
  public static final String SHORT_NAME = "datamint";

  /** Spark instantiates the data source by name, with this constructor. */
  public DatamintDataSource() {}

  @Override
  public String shortName() {
    return SHORT_NAME;
  }

  /** The options the last table of this instance was loaded for, and that table. */
  private Map<String, String> loadedFor;

  private DatamintTable loaded;

  /**
   * The schema depends on the project's labels, so inferring it loads the project; {@link
   * #getTable}, which Spark calls next with the same options, reuses that table instead of reading
   * the project twice.
   */
  @Override
  public StructType inferSchema(CaseInsensitiveStringMap options) {
    return table(options.asCaseSensitiveMap()).schema();
  }

  @Override
  public Table getTable(
      StructType schema, Transform[] partitioning, Map<String, String> properties) {
    return table(properties);
  }

  private synchronized DatamintTable table(Map<String, String> properties) {
    Map<String, String> key = new HashMap<>(properties);
    if (!key.equals(loadedFor)) {
      loaded = DatamintTables.load(SparkSession.active(), properties);
      loadedFor = key;
    }
    return loaded;
  }
}
