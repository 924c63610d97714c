package io.datamint.spark.internal.prefetch;

import java.util.Map;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * The data source that runs a prefetch job's downloads on the executors: its scan has one input
 * partition per planned partition, and each partition reader downloads its files and returns one
 * result row per file. Internal to {@link ProjectPrefetch} (not registered as a short name): the
 * job's plan comes from {@link PrefetchJobs}.
 */
public final class PrefetchSource implements TableProvider {

  @Override
  public StructType inferSchema(CaseInsensitiveStringMap options) {
    return PrefetchRows.SCHEMA;
  }

  @Override
  public Table getTable(
      StructType schema, Transform[] partitioning, Map<String, String> properties) {
    return new PrefetchTable(PrefetchJobs.lookUp(properties));
  }
}
