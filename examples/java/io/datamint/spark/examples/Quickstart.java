package io.datamint.spark.examples;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import io.datamint.spark.DatamintSparkSessionExtensions;
import io.datamint.spark.internal.cli.SqlCli;
import io.datamint.spark.internal.sample.SampleProject;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The README's main job: writes the sample project (a realistic Datamint project mirror of CT
 * volumes, chest radiographs and ultrasound clips with annotations), reads it with {@code
 * spark.read().format("datamint")}, and prints the schema, the counts by modality and by tag, the
 * annotations per label, a pushed-down tag query, and the decoded image tensors (DICOM and NIfTI
 * volumes, radiographs, ultrasound clips).
 *
 * <p>Usage: {@code bin/datamint-quickstart [DIR] [--seed N] [--master URL]}. Without DIR the
 * project is written to {@value QuickstartArgs#DEFAULT_DIR} in the repository, the same place every
 * run (see {@link QuickstartArgs}); the directory is printed first and last.
 */
public final class Quickstart {

  private Quickstart() {}

  public static void main(String[] args) throws Exception {
    QuickstartArgs parsed;
    try {
      parsed = QuickstartArgs.parse(args, QuickstartArgs.home());
    } catch (IllegalArgumentException e) {
      // a wrong command line is the user's: its message (which names the usage), not a stack trace
      System.err.println("datamint-quickstart: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (parsed.help()) {
      System.out.println(QuickstartArgs.USAGE);
      return;
    }
    Path dir = parsed.dir();
    System.out.println(
        "Sample project directory: "
            + dir
            + (parsed.defaultDir()
                ? " (the default, rewritten by every run; bin/datamint-quickstart DIR writes it elsewhere)"
                : ""));
    SampleProject.Summary summary = SampleProject.write(dir, parsed.seed());
    System.out.printf(
        "Wrote the sample project %s to %s: %d resources, %d annotations, %d split rows%n%n",
        SampleProject.NAME,
        summary.dir(),
        summary.resources(),
        summary.annotations(),
        summary.splitRows());

    SqlCli.useCliLogConfig(
        false); // Spark's log at WARN on stderr, so stdout shows only the results
    SparkSession spark =
        SparkSession.builder()
            .master(parsed.master())
            .appName("datamint-quickstart")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.session.timeZone", "UTC")
            // the connector's optimizer rule, so that array_contains(tags, ...) narrows the scan
            // (PushedTags below)
            .config(
                DatamintSparkSessionExtensions.CONF, DatamintSparkSessionExtensions.class.getName())
            .getOrCreate();
    try {
      Dataset<Row> resources = spark.read().format("datamint").load(dir.toString());
      resources.printSchema();

      System.out.println("Resources by modality and kind:");
      resources
          .groupBy("modality", "resource_kind")
          .count()
          .orderBy("modality", "resource_kind")
          .show(false);

      System.out.println("Resources by tag:");
      resources
          .select(explode(col("tags")).as("tag"))
          .groupBy("tag")
          .count()
          .orderBy("tag")
          .show(false);

      System.out.println("Annotations by type and label:");
      resources
          .select(explode(col("annotations")).as("a"))
          .groupBy(
              col("a.annotation_type").as("annotation_type"), col("a.identifier").as("identifier"))
          .count()
          .orderBy("annotation_type", "identifier")
          .show(50, false);

      System.out.println(
          "Chest CR/DX resources (the tag and modality filters are pushed into the scan):");
      resources.createOrReplaceTempView("resources");
      Dataset<Row> chest =
          spark.sql(
              "SELECT resource_id, filename, modality, patient_id, size(annotations) AS "
                  + "n_annotations FROM resources WHERE array_contains(tags, 'chest') AND modality IN ('CR', 'DX') "
                  + "ORDER BY filename");
      chest.show(false);
      chest.explain();

      System.out.println(
          "Decoded in the executors: the image tensor of every resource (dtype and shape):");
      resources
          .selectExpr(
              "filename", "resource_kind", "image.dtype AS dtype", "image.shape AS shape", "_error")
          .orderBy("filename")
          .show(false);
    } finally {
      spark.stop();
    }
    System.out.println("The sample project is in " + dir + "; query it with SQL:");
    System.out.println(
        "  bin/datamint-sql \"CREATE TEMPORARY VIEW r USING datamint OPTIONS (path '"
            + dir
            + "'); "
            + "SELECT modality, count(*) AS n FROM r GROUP BY modality\"");
  }
}
