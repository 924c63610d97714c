package io.datamint.spark.internal.read;

import io.datamint.spark.internal.config.DatamintOptions;
import io.datamint.spark.internal.source.ProjectSnapshot;
import io.datamint.spark.internal.source.open.ProjectSources;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * Loads the {@link DatamintTable} that a read's options name: for the data source ({@code
 * io.datamint.spark.DatamintDataSource}), the catalog's {@code resources} tables and the split
 * saving ({@link SplitSave}).
 */
public final class DatamintTables {

  private DatamintTables() {}

  /**
   * Resolves {@code readOptions} (with the session's {@code spark.datamint.*} conf and the
   * environment, as {@code load()} does), reads the project they name and wraps it as the table
   * {@code load()} would return.
   *
   * @throws io.datamint.spark.internal.config.InvalidOptionException for a bad option
   * @throws io.datamint.spark.internal.source.ProjectSourceException when the project cannot be
   *     read
   */
  public static DatamintTable load(SparkSession spark, Map<String, String> readOptions) {
    return load(spark, resolve(spark, readOptions));
  }

  /** Reads the project the options name and wraps it as a table. */
  static DatamintTable load(SparkSession spark, DatamintOptions options) {
    Configuration conf = hadoopConf(spark, options);
    return DatamintTable.of(ProjectSnapshot.load(ProjectSources.open(options, conf)), options);
  }

  static DatamintOptions resolve(SparkSession spark, Map<String, String> readOptions) {
    return DatamintOptions.resolve(
        readOptions,
        scala.jdk.javaapi.CollectionConverters.asJava(spark.conf().getAll()),
        System.getenv());
  }

  /** The session's Hadoop configuration with the options' {@code fs.*} settings. */
  static Configuration hadoopConf(SparkSession spark, DatamintOptions options) {
    Configuration conf = spark.sessionState().newHadoopConf();
    options.hadoopOptions().forEach(conf::set);
    return conf;
  }
}
