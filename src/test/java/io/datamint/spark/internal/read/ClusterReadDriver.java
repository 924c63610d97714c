package io.datamint.spark.internal.read;

import io.datamint.spark.testing.ClusterSession;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkEnv;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Driver main for {@link ClusterReadTest}: reads a mirror with the datamint source on a standalone
 * cluster. Arguments: the mirror path and a SQL {@code WHERE} clause. Emits one {@code partition}
 * line per input partition (the executor's pid and id, and the resource ids it produced) and one
 * {@code rows} line with the JSON rows.
 */
public final class ClusterReadDriver {

  private ClusterReadDriver() {}

  public static void main(String[] args) throws Exception {
    try (SparkSession spark = ClusterSession.connect()) {
      Dataset<Row> df =
          spark
              .read()
              .format("datamint")
              .option("target_partition_bytes", "3000")
              .load(args[0])
              .where(args[1])
              .select("resource_id", "modality", "tags", "annotations", "image.shape");
      List<String> perPartition =
          df.toJSON().javaRDD().mapPartitions(ClusterReadDriver::describe).collect();
      for (String line : perPartition) {
        String[] parts = line.split("\\|", -1);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("pid", Long.parseLong(parts[0]));
        fields.put("executorId", parts[1]);
        fields.put("rows", parts[2]);
        ClusterSession.emit("partition", fields);
      }
      Map<String, Object> rows = new LinkedHashMap<>();
      rows.put("json", String.join("\n", df.toJSON().collectAsList()));
      rows.put("driverPid", ProcessHandle.current().pid());
      ClusterSession.emit("rows", rows);
    }
  }

  private static Iterator<String> describe(Iterator<String> rows) {
    List<String> ids = new ArrayList<>();
    while (rows.hasNext()) {
      ids.add(rows.next());
    }
    return List.of(
            ProcessHandle.current().pid() + "|" + SparkEnv.get().executorId() + "|" + ids.size())
        .iterator();
  }
}
