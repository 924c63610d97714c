package io.datamint.spark.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.sum;

import io.datamint.spark.testing.TestMirror;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The datamint source beside Spark's built-in {@code image} source on the same PNG and JPEG files,
 * on one core ({@code local[1]}): images per second and decoded MB/s, with the pixel bytes of every
 * image materialized.
 */
final class SparkImageComparison {

  /** One side of the comparison. */
  record Result(String source, String files, int images, double seconds, long decodedBytes) {
    double imagesPerSecond() {
      return images / seconds;
    }

    double mbPerSecond() {
      return decodedBytes / seconds / 1e6;
    }
  }

  private SparkImageComparison() {}

  static List<Result> run(SparkSession spark, Path work, List<Path> sources, int copies, int rounds)
      throws Exception {
    List<Result> out = new ArrayList<>();
    for (String kind : List.of("png", "jpg")) {
      Path plain = Files.createDirectories(work.resolve(kind + "-files"));
      Path encoded = Files.createDirectories(work.resolve(kind + "-encoded"));
      List<Path> templates = new ArrayList<>();
      for (Path source : sources) {
        BufferedImage image = ImageIO.read(source.toFile());
        if (kind.equals("jpg") && image.getColorModel().hasAlpha()) {
          continue; // JPEG has no alpha
        }
        Path template = encoded.resolve(source.getFileName() + "." + kind);
        ImageIO.write(image, kind.equals("jpg") ? "jpeg" : "png", template.toFile());
        templates.add(template);
      }
      TestMirror mirror = TestMirror.in(work.resolve(kind + "-mirror"));
      List<String> ids = new ArrayList<>();
      for (int copy = 0; copy < copies; copy++) {
        for (Path template : templates) {
          String id = String.format(Locale.ROOT, "img-%04d", ids.size());
          Files.copy(template, plain.resolve(id + "." + kind));
          mirror.image(id, id + "." + kind, "OT", null);
          ids.add(id);
        }
      }
      Path mirrorDir = mirror.write();
      for (String id : ids) {
        Files.copy(plain.resolve(id + "." + kind), mirrorDir.resolve("files/resources/" + id));
      }
      out.add(
          measure(
              "Spark image source",
              kind,
              rounds,
              () ->
                  spark
                      .read()
                      .format("image")
                      .load(plain.toString())
                      .select(length(col("image.data")).as("n"))));
      out.add(
          measure(
              "datamint source",
              kind,
              rounds,
              () ->
                  spark
                      .read()
                      .format("datamint")
                      .load(mirrorDir.toString())
                      .select(length(col("image.data")).as("n"))));
    }
    return out;
  }

  /** A query producing one row per image with its decoded byte count. */
  @FunctionalInterface
  private interface Query {
    Dataset<Row> build();
  }

  private static Result measure(String name, String kind, int rounds, Query query)
      throws Exception {
    Row warm = query.build().agg(sum("n"), org.apache.spark.sql.functions.count("n")).first();
    long bytes = warm.getLong(0);
    int images = (int) warm.getLong(1);
    double seconds =
        Stopwatch.secondsPerRun(
                0,
                0,
                () -> {
                  for (int i = 0; i < rounds; i++) {
                    query.build().agg(sum("n")).first();
                  }
                })
            / rounds;
    System.err.printf(
        Locale.ROOT,
        "%-20s %-4s %4d images %8.1f images/s %8.1f MB/s%n",
        name,
        kind,
        images,
        images / seconds,
        bytes / seconds / 1e6);
    return new Result(name, kind.toUpperCase(Locale.ROOT), images, seconds, bytes);
  }
}
