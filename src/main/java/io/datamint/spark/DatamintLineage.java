package io.datamint.spark;

import io.datamint.spark.internal.lineage.ReadLineage;
import io.datamint.spark.lineage.DatasetLineage;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * A read's MLflow lineage: the fields of the Datamint SDK's {@code DatamintMLflowDataset} (name,
 * source, digest, profile) for the dataset the SDK builds with the same selection and split, so a
 * run trained on the connector's rows records the digest a run trained on the SDK's items would.
 * Log it with the Python package's {@code datamint_spark.lineage.log_mlflow_input}, or with any
 * MLflow client from its fields.
 *
 * <p>The digest covers the resources in the SDK's order (a split's in its shuffled order), their
 * ids, filenames and SDK classes, each slice of a slice read, and the SDK's {@code extra_params}
 * (target options, annotation filters, trusted sources, split source and instant). SQL predicates
 * applied to the DataFrame afterwards are not part of it (the SDK has none).
 */
public final class DatamintLineage {

  private DatamintLineage() {}

  /**
   * The lineage of the read {@code options} define, as one dataset (the SDK's dataset before {@code
   * split()}).
   *
   * @throws io.datamint.spark.error.OptionException for a bad option
   * @throws io.datamint.spark.error.SourceException when the project cannot be read
   */
  public static DatasetLineage of(SparkSession spark, Map<String, String> options) {
    return ReadLineage.of(spark, options, null);
  }

  /**
   * The lineage of one split of the read {@code options} define: the SDK's {@code
   * split(...)[split]}; null {@code split} is {@link #of(SparkSession, Map)}.
   *
   * @throws io.datamint.spark.error.OptionException for a bad option, a read without a split, a
   *     split the read does not have, or a local split without a {@code seed}
   * @throws io.datamint.spark.error.SourceException when the project cannot be read
   */
  public static DatasetLineage of(SparkSession spark, Map<String, String> options, String split) {
    return ReadLineage.of(spark, options, split);
  }
}
