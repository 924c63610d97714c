package io.datamint.spark.internal.util;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.adaptive.AdaptiveSparkPlanExec;
import org.apache.spark.sql.execution.adaptive.QueryStageExec;
import org.apache.spark.sql.execution.datasources.v2.BatchScanExec;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The DSv2 batch scans of a Dataset's executed plan, and their metric values, seen from Java.
 *
 * <p>With adaptive query execution the executed plan is an {@link AdaptiveSparkPlanExec} whose
 * physical plan is not among its children, and whose query stages ({@link QueryStageExec}) hold
 * their plans the same way; the walk goes into both. Before an action that is the plan Spark will
 * start from, afterwards the plan that ran (whose scans carry the metrics). Subquery plans are
 * walked too. A reused exchange is not, since its scans are those of the exchange it reuses, found
 * where that exchange ran.
 */
public final class BatchScans {

  private BatchScans() {}

  /**
   * Every {@link BatchScanExec} of the executed plan, in plan order (a node before its children).
   */
  public static List<BatchScanExec> of(Dataset<?> df) {
    List<BatchScanExec> out = new ArrayList<>();
    collect(df.queryExecution().executedPlan(), out);
    return out;
  }

  /**
   * The metric values of the plan's first batch scan by name (empty when it has none); read after
   * an action.
   */
  public static Map<String, Long> metrics(Dataset<?> df) {
    Map<String, Long> out = new HashMap<>();
    List<BatchScanExec> scans = of(df);
    if (!scans.isEmpty()) {
      CollectionConverters.asJava(scans.get(0).metrics())
          .forEach((name, metric) -> out.put(name, metric.value()));
    }
    return out;
  }

  private static void collect(SparkPlan plan, List<BatchScanExec> out) {
    if (plan instanceof BatchScanExec scan) {
      out.add(scan);
    }
    for (SparkPlan inner : inner(plan)) {
      collect(inner, out);
    }
  }

  /**
   * The plans directly inside {@code plan}: its children, or the plan an adaptive node or a stage
   * wraps.
   */
  private static List<SparkPlan> inner(SparkPlan plan) {
    List<SparkPlan> out = new ArrayList<>();
    if (plan instanceof AdaptiveSparkPlanExec adaptive) {
      out.add(adaptive.executedPlan());
    } else if (plan instanceof QueryStageExec stage) {
      out.add(stage.plan());
    } else {
      out.addAll(CollectionConverters.asJava(plan.children()));
    }
    out.addAll(CollectionConverters.asJava(plan.subqueries()));
    return out;
  }
}
