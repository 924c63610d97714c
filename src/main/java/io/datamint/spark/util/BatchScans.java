package io.datamint.spark.util;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.datasources.v2.BatchScanExec;
import scala.jdk.javaapi.CollectionConverters;

/** The DSv2 batch scans of a Dataset's executed plan, and their metric values, seen from Java. */
public final class BatchScans {

  private BatchScans() {}

  /** Every {@link BatchScanExec} of the executed plan, in plan order. */
  public static List<BatchScanExec> of(Dataset<?> df) {
    return CollectionConverters.asJava(df.queryExecution().executedPlan().collect(
        new scala.runtime.AbstractPartialFunction<SparkPlan, BatchScanExec>() {
          @Override
          public boolean isDefinedAt(SparkPlan p) {
            return p instanceof BatchScanExec;
          }

          @Override
          public BatchScanExec apply(SparkPlan p) {
            return (BatchScanExec) p;
          }
        }));
  }

  /** The metric values of the plan's first batch scan by name (empty when it has none); read after an action. */
  public static Map<String, Long> metrics(Dataset<?> df) {
    Map<String, Long> out = new HashMap<>();
    List<BatchScanExec> scans = of(df);
    if (!scans.isEmpty()) {
      CollectionConverters.asJava(scans.get(0).metrics()).forEach((name, metric) -> out.put(name, metric.value()));
    }
    return out;
  }
}
