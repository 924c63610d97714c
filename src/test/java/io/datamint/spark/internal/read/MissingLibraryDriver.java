package io.datamint.spark.internal.read;

import io.datamint.spark.internal.decode.OptionalLibrary;
import io.datamint.spark.internal.util.BatchScans;
import io.datamint.spark.testing.ClusterSession;
import io.datamint.spark.testing.ReadOptions;
import io.datamint.spark.testing.SharedSpark;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Main of the child JVMs of {@link MissingLibraryReadTest}, started with a class path that lacks
 * some optional libraries. Reads the project at {@code args[0]} four ways on a local session and
 * prints JSON lines:
 *
 * <ul>
 *   <li>{@code libraries}: whether each {@link OptionalLibrary} is on this JVM's class path;
 *   <li>{@code whole}: PERMISSIVE, one line per row: resource id, {@code _error}, the image's
 *       shape, the number of annotators with masks;
 *   <li>{@code slice}: PERMISSIVE with {@code slice=axial}: one line per row (resource id, slice
 *       index, error);
 *   <li>{@code dropmalformed}: the resource ids DROPMALFORMED keeps and the scan's dropped-rows
 *       metric;
 *   <li>{@code failfast}: the message chain of the failure of a FAILFAST read, or null when it
 *       succeeds.
 * </ul>
 */
public final class MissingLibraryDriver {

  private MissingLibraryDriver() {}

  public static void main(String[] args) {
    Map<String, Object> libraries = new LinkedHashMap<>();
    for (OptionalLibrary library : OptionalLibrary.values()) {
      libraries.put(library.name(), library.isPresent());
    }
    ClusterSession.emit("libraries", libraries);
    SparkSession spark = SharedSpark.session();
    String mirror = args[0];
    for (Row row :
        read(spark, mirror, "PERMISSIVE")
            .select("resource_id", "_error", "image.shape", "segmentations")
            .collectAsList()) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("id", row.getString(0));
      line.put("error", row.getString(1));
      line.put("shape", row.isNullAt(2) ? null : row.getList(2));
      line.put("maskAuthors", row.isNullAt(3) ? null : row.getMap(3).size());
      ClusterSession.emit("whole", line);
    }
    for (Row row :
        read(spark, mirror, "PERMISSIVE", "slice", "axial")
            .select("resource_id", "slice_index", "_error", "segmentations")
            .collectAsList()) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("id", row.getString(0));
      line.put("slice", row.isNullAt(1) ? null : row.getInt(1));
      line.put("error", row.getString(2));
      ClusterSession.emit("slice", line);
    }
    Dataset<Row> dropping =
        read(spark, mirror, "DROPMALFORMED").select("resource_id", "image", "segmentations");
    List<String> kept = new ArrayList<>();
    for (Row row : dropping.collectAsList()) {
      kept.add(row.getString(0));
    }
    Map<String, Object> dropped = new LinkedHashMap<>();
    dropped.put("kept", kept);
    dropped.put("droppedRows", BatchScans.metrics(dropping).get(ReadMetrics.DROPPED_ROWS));
    ClusterSession.emit("dropmalformed", dropped);

    String failure = null;
    try {
      read(spark, mirror, "FAILFAST")
          .select("resource_id", "image", "segmentations")
          .collectAsList();
    } catch (
        Exception e) { // SparkException is a checked exception that Scala code throws undeclared
      StringBuilder chain = new StringBuilder();
      for (Throwable t = e; t != null; t = t.getCause()) {
        chain.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
      }
      failure = chain.toString();
    }
    Map<String, Object> failfast = new LinkedHashMap<>();
    failfast.put("failure", failure);
    ClusterSession.emit("failfast", failfast);
    spark.stop();
  }

  private static Dataset<Row> read(
      SparkSession spark, String mirror, String mode, String... options) {
    return spark
        .read()
        .format("datamint")
        .option("mode", mode)
        .options(ReadOptions.of(options))
        .load(mirror);
  }
}
