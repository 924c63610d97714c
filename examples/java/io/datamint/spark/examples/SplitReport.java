package io.datamint.spark.examples;

import io.datamint.spark.internal.cli.SqlCli;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A split report from metadata alone (no resource file is opened): per split, the resources,
 * patients and annotators, the annotations per label, and each label's prevalence (the share of the
 * split's resources having it).
 *
 * <p>Usage: {@code SplitReport MIRROR [OPTION=VALUE ...]}, e.g. {@code use_project_splits=true} to
 * report the project's current assignments, or {@code split=train=0.7,val=0.15,test=0.15 seed=42}
 * for a local split.
 */
public final class SplitReport {

  private SplitReport() {}

  public static void main(String[] args) {
    if (args.length < 1) {
      throw new IllegalArgumentException("usage: SplitReport MIRROR [OPTION=VALUE ...]");
    }
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      options.put(args[i].substring(0, eq), args[i].substring(eq + 1));
    }
    SqlCli.useCliLogConfig(false);
    SparkSession spark =
        SparkSession.builder()
            .master("local[*]")
            .appName("datamint-split-report")
            .config("spark.ui.enabled", "false")
            .getOrCreate();
    try {
      for (Dataset<Row> table : report(spark, args[0], options)) {
        table.show(100, false);
      }
    } finally {
      spark.stop();
    }
  }

  /**
   * The report's tables: per split, resources and patients; annotations per label; label
   * prevalence; annotators. Metadata only: no query selects a column that opens a resource file.
   */
  public static List<Dataset<Row>> report(
      SparkSession spark, String mirror, Map<String, String> options) {
    spark
        .read()
        .format("datamint")
        .options(options)
        .load(mirror)
        .createOrReplaceTempView("report_resources");
    spark.sql(
        "CREATE OR REPLACE TEMPORARY VIEW report_annotations AS "
            + "SELECT r.split, r.resource_id, a.identifier, a.annotation_type, a.created_by "
            + "FROM report_resources r LATERAL VIEW OUTER explode(annotations) t AS a");
    return List.of(
        spark.sql(
            "SELECT coalesce(split, '(none)') AS split, count(*) AS resources, "
                + "count(DISTINCT patient_id) AS patients FROM report_resources GROUP BY split ORDER BY split"),
        spark.sql(
            "SELECT coalesce(split, '(none)') AS split, identifier, annotation_type, count(*) AS annotations, "
                + "count(DISTINCT resource_id) AS resources FROM report_annotations WHERE identifier IS NOT NULL "
                + "GROUP BY split, identifier, annotation_type ORDER BY split, identifier"),
        spark.sql(
            "SELECT coalesce(l.split, '(none)') AS split, l.identifier, "
                + "round(count(DISTINCT l.resource_id) / first(t.n), 3) AS prevalence FROM report_annotations l JOIN "
                + "(SELECT split, count(*) AS n FROM report_resources GROUP BY split) t ON l.split <=> t.split "
                + "WHERE l.annotation_type = 'label' GROUP BY l.split, l.identifier ORDER BY split, identifier"),
        spark.sql(
            "SELECT coalesce(split, '(none)') AS split, sort_array(collect_set(created_by)) AS annotators "
                + "FROM report_annotations GROUP BY split ORDER BY split"));
  }
}
