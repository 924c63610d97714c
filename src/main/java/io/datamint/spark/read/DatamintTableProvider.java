package io.datamint.spark.read;

import io.datamint.spark.config.DatamintOptions;
import io.datamint.spark.source.ProjectSnapshot;
import io.datamint.spark.source.ProjectSources;
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
 * The {@code datamint} data source: {@code spark.read().format("datamint").load(path)}. Options are validated and
 * the project is read when the DataFrame is created, so a bad option or a malformed mirror fails at
 * {@code load()}.
 */
public final class DatamintTableProvider implements TableProvider, DataSourceRegister {

  /** The short name users pass to {@code format()}. */
  public static final String SHORT_NAME = "datamint";

  @Override
  public String shortName() {
    return SHORT_NAME;
  }

  /** The schema depends on the project's labels, so inferring it loads the project (as {@link #getTable} does). */
  @Override
  public StructType inferSchema(CaseInsensitiveStringMap options) {
    SparkSession spark = SparkSession.active();
    return load(spark, resolve(spark, options.asCaseSensitiveMap())).schema();
  }

  @Override
  public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
    SparkSession spark = SparkSession.active();
    DatamintOptions options = resolve(spark, properties);
    TagPushdownRule.installIn(spark);
    return load(spark, options);
  }

  /** Reads the project the options name and wraps it as a table. */
  static DatamintTable load(SparkSession spark, DatamintOptions options) {
    Configuration conf = hadoopConf(spark, options);
    return new DatamintTable(ProjectSnapshot.load(ProjectSources.open(options, conf)), options);
  }

  static DatamintOptions resolve(SparkSession spark, Map<String, String> readOptions) {
    return DatamintOptions.resolve(
        readOptions, scala.jdk.javaapi.CollectionConverters.asJava(spark.conf().getAll()), System.getenv());
  }

  private static Configuration hadoopConf(SparkSession spark, DatamintOptions options) {
    Configuration conf = spark.sessionState().newHadoopConf();
    options.hadoopOptions().forEach(conf::set);
    return conf;
  }
}
