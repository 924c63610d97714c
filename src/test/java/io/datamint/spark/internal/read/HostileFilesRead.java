package io.datamint.spark.internal.read;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Child-JVM main of {@link HostileFilesReadTest}: reads the mirror {@code args[0]} through Spark on
 * {@code local[1]}, first with the default options (the heap budget), then only the resources
 * {@code args[1..]} with {@code max_decoded_bytes} 2g (no budget: the decoders meet the heap's
 * end). Prints one JSON line per row, {@code {"type":"row","read":...,"id":...,"error":...,
 * "image":true|false}}, then {@code {"type":"done"}}; it exits 0 unless the reads fail.
 */
public final class HostileFilesRead {

  private HostileFilesRead() {}

  public static void main(String[] args) throws Exception {
    SparkSession spark =
        SparkSession.builder()
            .master("local[1]")
            .appName("hostile-files")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "1")
            .getOrCreate();
    try {
      ObjectMapper json = new ObjectMapper();
      emitRows(json, "budget", spark.read().format("datamint").load(args[0]).collectAsList());
      StringBuilder ids = new StringBuilder();
      for (int i = 1; i < args.length; i++) {
        ids.append(i > 1 ? ", " : "").append('\'').append(args[i]).append('\'');
      }
      emitRows(
          json,
          "option-2g",
          spark
              .read()
              .format("datamint")
              .option("max_decoded_bytes", "2g")
              .load(args[0])
              .where("resource_id IN (" + ids + ")")
              .collectAsList());
      System.out.println(json.writeValueAsString(Map.of("type", "done")));
    } finally {
      spark.stop();
    }
  }

  private static void emitRows(ObjectMapper json, String read, java.util.List<Row> rows)
      throws Exception {
    for (Row row : rows) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("type", "row");
      line.put("read", read);
      line.put("id", row.getAs("resource_id"));
      line.put("error", row.getAs("_error"));
      line.put("image", !row.isNullAt(row.fieldIndex("image")));
      System.out.println(json.writeValueAsString(line));
    }
  }
}
