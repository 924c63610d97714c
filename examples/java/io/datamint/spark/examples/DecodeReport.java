package io.datamint.spark.examples;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Decodes every resource of a project four ways and prints one line per row with a SHA-256 of its
 * tensor bytes: the images and volumes as they are, the semantic masks merged across annotators,
 * the volumes cut into axial slices, and the videos frame by frame. The deployment tests submit it
 * with {@code spark-submit} to every supported Spark installation and compare its lines with those
 * of the same read in the build, and with the Python job {@code examples/python/decode_report.py},
 * which prints the same lines.
 *
 * <p>Usage: {@code spark-submit --class io.datamint.spark.examples.DecodeReport --jars
 * datamint-spark_2.13-<version>-all.jar datamint-spark_2.13-<version>-examples.jar PROJECT_MIRROR}
 *
 * <p>Each line is {@code read|resource_id|index|resource_kind|dtype|shape|sha256|error}: {@code
 * index} is the slice or frame index ({@code -} for whole resources), {@code sha256} is that of the
 * tensor's {@code data} bytes ({@code -} for a null tensor), {@code error} is {@code _error}
 * ({@code -} when the row decoded). The last line is {@code summary|rows=N|errors=M}.
 */
public final class DecodeReport {

  /** The four reads: a name, the read options, the tensor column and the index column of each. */
  private record Read(String name, Map<String, String> options, String tensor, String index) {}

  private static final List<Read> READS =
      List.of(
          new Read("image", Map.of(), "image", null),
          new Read(
              "mask",
              Map.of(
                  "return_as_semantic_segmentation",
                  "true",
                  "semantic_seg_merge_strategy",
                  "union",
                  "worklists",
                  "none",
                  "include_unannotated",
                  "false"),
              "segmentations",
              null),
          new Read("slice", Map.of("slice", "axial"), "image", "slice_index"),
          new Read("frame", Map.of("frame_by_frame", "true"), "image", "frame_index"));

  private DecodeReport() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: DecodeReport PROJECT_MIRROR");
      System.exit(2);
    }
    SparkSession spark = SparkSession.builder().appName("datamint-decode-report").getOrCreate();
    try {
      lines(spark, args[0]).forEach(System.out::println);
    } finally {
      spark.stop();
    }
  }

  /** The report's lines for the project mirror at {@code path}, sorted within each read. */
  public static List<String> lines(SparkSession spark, String path) {
    List<String> lines = new ArrayList<>();
    int errors = 0;
    for (Read read : READS) {
      DataFrameReader reader = spark.read().format("datamint");
      read.options().forEach(reader::option);
      String index =
          read.index() == null ? "'-'" : "coalesce(CAST(" + read.index() + " AS STRING), '-')";
      List<Row> rows =
          reader
              .load(path)
              .selectExpr(
                  "resource_id",
                  index + " AS idx",
                  "resource_kind",
                  "coalesce(" + read.tensor() + ".dtype, '-')",
                  "coalesce(concat('(', array_join(" + read.tensor() + ".shape, ','), ')'), '-')",
                  "coalesce(sha2(" + read.tensor() + ".data, 256), '-')",
                  "coalesce(_error, '-')")
              .orderBy("resource_id", read.index() == null ? "resource_id" : read.index())
              .collectAsList();
      for (Row row : rows) {
        StringBuilder line = new StringBuilder(read.name());
        for (int i = 0; i < row.size(); i++) {
          line.append('|').append(row.get(i));
        }
        if (!row.getString(6).equals("-")) {
          errors++;
        }
        lines.add(line.toString());
      }
    }
    lines.add("summary|rows=" + (lines.size()) + "|errors=" + errors);
    return lines;
  }
}
