package io.datamint.spark;

import io.datamint.spark.internal.config.DatamintOptions;
import io.datamint.spark.internal.read.DatamintTable;
import io.datamint.spark.internal.source.ProjectSnapshot;
import io.datamint.spark.internal.source.open.ProjectSources;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
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
 * mirror fails at {@code load()}.
 */
public final class DatamintDataSource implements TableProvider, DataSourceRegister {

  /** The short name users pass to {@code format()}. */
  public static final String SHORT_NAME = "datamint";

  @Override
  public String shortName() {
    return SHORT_NAME;
  }

  /** The options the last table of this provider instance was loaded for, and that table. */
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
      SparkSession spark = SparkSession.active();
      loaded = load(spark, resolve(spark, properties));
      loadedFor = key;
    }
    return loaded;
  }

  /**
   * Resolves {@code readOptions} (with the session's {@code spark.datamint.*} conf and the
   * environment, as {@code load()} does), reads the project they name and wraps it as the table
   * {@code load()} would return. Public for the {@code io.datamint.spark.catalog} package, whose
   * {@code resources} tables are exactly these tables.
   *
   * @throws io.datamint.spark.internal.config.InvalidOptionException for a bad option
   * @throws io.datamint.spark.internal.source.ProjectSourceException when the project cannot be read
   */
  public static DatamintTable loadTable(SparkSession spark, Map<String, String> readOptions) {
    return load(spark, resolve(spark, readOptions));
  }

  /** Reads the project the options name and wraps it as a table. */
  static DatamintTable load(SparkSession spark, DatamintOptions options) {
    Configuration conf = hadoopConf(spark, options);
    return new DatamintTable(ProjectSnapshot.load(ProjectSources.open(options, conf)), options);
  }

  static DatamintOptions resolve(SparkSession spark, Map<String, String> readOptions) {
    return DatamintOptions.resolve(
        readOptions,
        scala.jdk.javaapi.CollectionConverters.asJava(spark.conf().getAll()),
        System.getenv());
  }

  private static Configuration hadoopConf(SparkSession spark, DatamintOptions options) {
    Configuration conf = spark.sessionState().newHadoopConf();
    options.hadoopOptions().forEach(conf::set);
    return conf;
  }
}
