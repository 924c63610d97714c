package io.datamint.spark.testing;

import io.datamint.spark.internal.sample.SampleProject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The sample project written for one test class, and {@code format("datamint")} reads of it on the
 * shared session with options written inline ({@link ReadOptions}) after the class's defaults.
 */
public final class SampleReads {

  private final SparkSession spark;
  private final String mirror;
  private final Map<String, String> defaults;

  private SampleReads(SparkSession spark, String mirror, Map<String, String> defaults) {
    this.spark = spark;
    this.mirror = mirror;
    this.defaults = defaults;
  }

  /**
   * Writes the sample project (default seed) into {@code dir}; every read gets {@code
   * defaultOptions} ({@code "key", "value", ...}) first.
   */
  public static SampleReads write(Path dir, String... defaultOptions) throws IOException {
    String mirror = SampleProject.write(dir, SampleProject.DEFAULT_SEED).dir().toString();
    return new SampleReads(SharedSpark.session(), mirror, ReadOptions.of(defaultOptions));
  }

  /** A read of the sample with the defaults and then {@code options}. */
  public Dataset<Row> read(String... options) {
    return spark
        .read()
        .format("datamint")
        .options(defaults)
        .options(ReadOptions.of(options))
        .load(mirror);
  }

  /** The mirror's directory. */
  public String mirror() {
    return mirror;
  }

  /** The shared session. */
  public SparkSession spark() {
    return spark;
  }

  /** The {@code data} bytes of a tensor column's value. */
  public static byte[] tensorBytes(Row tensor) {
    return (byte[]) tensor.get(2);
  }
}
