package io.datamint.spark.read;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.And;
import org.apache.spark.sql.catalyst.expressions.ArrayContains;
import org.apache.spark.sql.catalyst.expressions.AttributeReference;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.Literal;
import org.apache.spark.sql.catalyst.plans.logical.Filter;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.rules.Rule;
import org.apache.spark.sql.execution.datasources.v2.DataSourceV2ScanRelation;
import org.apache.spark.unsafe.types.UTF8String;
import scala.collection.immutable.Seq;
import scala.runtime.BoxedUnit;

/**
 * Pushes {@code array_contains(tags, 'x')} into the datamint scan. Spark does not translate
 * {@code array_contains} into a V2 predicate, so this optimizer rule (installed in the session's extra
 * optimizations when a datamint table is loaded) finds filters directly above a {@link DatamintScan} and hands it
 * the required tags before partitions are planned. The filter itself stays in the plan, so the result is exact.
 */
final class TagPushdownRule extends Rule<LogicalPlan> {

  private static final String TAGS = io.datamint.spark.schema.Columns.TAGS;

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    plan.foreach(node -> {
      if (node instanceof Filter filter && filter.child() instanceof DataSourceV2ScanRelation relation
          && relation.scan() instanceof DatamintScan scan) {
        List<String> tags = new ArrayList<>();
        collectTags(filter.condition(), tags);
        if (!tags.isEmpty()) {
          scan.requireTags(tags);
        }
      }
      return BoxedUnit.UNIT;
    });
    return plan;
  }

  private static void collectTags(Expression condition, List<String> out) {
    if (condition instanceof And and) {
      collectTags(and.left(), out);
      collectTags(and.right(), out);
    } else if (condition instanceof ArrayContains contains
        && contains.left() instanceof AttributeReference attribute
        && attribute.name().equals(TAGS)
        && contains.right() instanceof Literal literal
        && literal.value() instanceof UTF8String value) {
      out.add(value.toString());
    }
  }

  /** Adds this rule to the session's extra optimizations, once. */
  static synchronized void installIn(SparkSession spark) {
    Seq<Rule<LogicalPlan>> rules = spark.experimental().extraOptimizations();
    if (rules.exists(rule -> rule instanceof TagPushdownRule)) {
      return;
    }
    List<Rule<LogicalPlan>> updated = new ArrayList<>(scala.jdk.javaapi.CollectionConverters.asJava(rules));
    updated.add(new TagPushdownRule());
    spark.experimental().extraOptimizations_$eq(scala.jdk.javaapi.CollectionConverters.asScala(updated).toSeq());
  }
}
