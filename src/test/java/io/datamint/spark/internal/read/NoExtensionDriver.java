package io.datamint.spark.internal.read;

import io.datamint.spark.DatamintSparkSessionExtensions;
import io.datamint.spark.internal.util.BatchScans;
import io.datamint.spark.testing.ClusterSession;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Main of the child JVM of {@link PushdownTest}'s test without session extensions: a local session
 * configured as a user who did not set {@code spark.sql.extensions} would, reading the mirror at
 * {@code args[0]} and running the SQL in {@code args[1]} on it (as the view {@code resources}).
 * Prints the JSON lines {@code session} (the extensions setting, which must be absent), {@code
 * rows} (the first column of every row) and {@code scan} (the datamint scan's description).
 */
public final class NoExtensionDriver {

  private NoExtensionDriver() {}

  public static void main(String[] args) throws Exception {
    try (SparkSession spark =
        SparkSession.builder()
            .master("local[1]")
            .appName("datamint-no-extension")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .getOrCreate()) {
      ClusterSession.emit(
          "session",
          Map.of(
              "extensions",
              spark.sparkContext().getConf().get(DatamintSparkSessionExtensions.CONF, "")));
      spark
          .read()
          .format("datamint")
          .option("worklists", "none")
          .load(args[0])
          .createOrReplaceTempView("resources");
      Dataset<Row> df = spark.sql(args[1]);
      List<String> ids = df.collectAsList().stream().map(row -> row.getString(0)).toList();
      ClusterSession.emit("rows", Map.of("ids", ids));
      ClusterSession.emit(
          "scan", Map.of("description", BatchScans.of(df).get(0).scan().description()));
    }
  }
}
