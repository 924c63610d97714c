package io.datamint.spark.examples;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;

import io.datamint.spark.cli.SqlCli;
import io.datamint.spark.sample.SampleProject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The README's main job: writes the sample project (a realistic Datamint project mirror of CT volumes, chest
 * radiographs and ultrasound clips with annotations), reads it with {@code spark.read().format("datamint")}, and
 * prints the schema, the counts by modality and by tag, the annotations per label, a pushed-down tag query, and the
 * decoded image tensors (DICOM and NIfTI volumes, radiographs, ultrasound clips).
 *
 * <p>Usage: {@code bin/datamint-quickstart [DIR] [--seed N] [--master URL]}. Without DIR the project is written to a
 * new temporary directory.
 */
public final class Quickstart {

  private Quickstart() {}

  public static void main(String[] args) throws Exception {
    Path dir = null;
    long seed = SampleProject.DEFAULT_SEED;
    String master = "local[*]";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seed" -> seed = Long.parseLong(value(args, ++i, "--seed"));
        case "--master" -> master = value(args, ++i, "--master");
        case "-h", "--help" -> {
          System.out.println("usage: bin/datamint-quickstart [DIR] [--seed N] [--master URL]");
          return;
        }
        default -> {
          if (args[i].startsWith("-") || dir != null) {
            throw new IllegalArgumentException("unexpected argument " + args[i]
                + "; usage: bin/datamint-quickstart [DIR] [--seed N] [--master URL]");
          }
          dir = Path.of(args[i]);
        }
      }
    }
    if (dir == null) {
      dir = Files.createTempDirectory("datamint-quickstart-").resolve(SampleProject.NAME);
    }
    SampleProject.Summary summary = SampleProject.write(dir, seed);
    System.out.printf("Wrote the sample project %s to %s: %d resources, %d annotations, %d split rows%n%n",
        SampleProject.NAME, summary.dir(), summary.resources(), summary.annotations(), summary.splitRows());

    SqlCli.useCliLogConfig(false); // Spark's log at WARN on stderr, so stdout shows only the results
    SparkSession spark = SparkSession.builder().master(master).appName("datamint-quickstart")
        .config("spark.ui.enabled", "false").config("spark.sql.session.timeZone", "UTC").getOrCreate();
    try {
      Dataset<Row> resources = spark.read().format("datamint").load(dir.toString());
      resources.printSchema();

      System.out.println("Resources by modality and kind:");
      resources.groupBy("modality", "resource_kind").count().orderBy("modality", "resource_kind").show(false);

      System.out.println("Resources by tag:");
      resources.select(explode(col("tags")).as("tag")).groupBy("tag").count().orderBy("tag").show(false);

      System.out.println("Annotations by type and label:");
      resources.select(explode(col("annotations")).as("a"))
          .groupBy(col("a.annotation_type").as("annotation_type"), col("a.identifier").as("identifier")).count()
          .orderBy("annotation_type", "identifier").show(50, false);

      System.out.println("Chest CR/DX resources (the tag and modality filters are pushed into the scan):");
      resources.createOrReplaceTempView("resources");
      Dataset<Row> chest = spark.sql("SELECT resource_id, filename, modality, patient_id, size(annotations) AS "
          + "n_annotations FROM resources WHERE array_contains(tags, 'chest') AND modality IN ('CR', 'DX') "
          + "ORDER BY filename");
      chest.show(false);
      chest.explain();

      System.out.println("Decoded in the executors: the image tensor of every resource (dtype and shape):");
      resources.selectExpr("filename", "resource_kind", "image.dtype AS dtype", "image.shape AS shape",
          "_error").orderBy("filename").show(false);
    } finally {
      spark.stop();
    }
  }

  private static String value(String[] args, int i, String flag) {
    if (i >= args.length) {
      throw new IllegalArgumentException(flag + " needs a value");
    }
    return args[i];
  }
}
