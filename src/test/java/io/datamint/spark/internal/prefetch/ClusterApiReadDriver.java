package io.datamint.spark.internal.prefetch;

import io.datamint.spark.testing.ClusterSession;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkEnv;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Driver main for {@link ClusterPrefetchTest}: reads a project through the API on a standalone
 * cluster, so that the executors download and decode the files with their own clients, and reads
 * the prefetched mirror the same way. Arguments: the API URL, the project name and the mirror path.
 * Emits {@code api} and {@code mirror} lines with the sorted rows (pixels and masks as digests) and
 * {@code executors} with the ids of the executors that decoded.
 */
public final class ClusterApiReadDriver {

  private ClusterApiReadDriver() {}

  public static void main(String[] args) throws Exception {
    try (SparkSession spark = ClusterSession.connect()) {
      Dataset<Row> api =
          spark
              .read()
              .format("datamint")
              .option("server_url", args[0])
              .option("api_key", "k")
              .option("project", args[1])
              .option("return_segmentations", "true")
              .option("target_partition_bytes", "64k")
              .load();
      Dataset<Row> mirror =
          spark.read().format("datamint").option("return_segmentations", "true").load(args[2]);
      emit("api", digest(api));
      emit("mirror", digest(mirror));
      List<String> executors =
          new ArrayList<>(
              api.select("resource_id")
                  .javaRDD()
                  .mapPartitions(
                      rows ->
                          List.of(SparkEnv.get().executorId() + "@" + ProcessHandle.current().pid())
                              .iterator())
                  .collect());
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("ids", String.join(",", executors));
      ClusterSession.emit("executors", fields);
    }
  }

  private static List<String> digest(Dataset<Row> df) {
    List<String> rows =
        new ArrayList<>(
            df.selectExpr(
                    "resource_id",
                    "sha2(image.data, 256) AS pixels",
                    "image.shape",
                    "transform(map_values(segmentations), m -> sha2(m.data, 256)) AS masks",
                    "_error")
                .toJSON()
                .collectAsList());
    Collections.sort(rows);
    return rows;
  }

  private static void emit(String kind, List<String> rows) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("rows", String.join("\n", rows));
    ClusterSession.emit(kind, fields);
  }
}
