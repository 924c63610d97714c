package io.datamint.spark.internal.read;

import io.datamint.spark.internal.schema.Columns;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.catalyst.expressions.And;
import org.apache.spark.sql.catalyst.expressions.ArrayContains;
import org.apache.spark.sql.catalyst.expressions.AttributeReference;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.Literal;
import org.apache.spark.sql.catalyst.plans.logical.Filter;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.catalyst.rules.Rule;
import org.apache.spark.sql.execution.datasources.v2.DataSourceV2Relation;
import org.apache.spark.unsafe.types.UTF8String;
import scala.runtime.AbstractPartialFunction;

/**
 * Pushes {@code array_contains(tags, 'x')} into datamint scans. Spark does not hand {@code
 * array_contains} to a data source as a predicate, so this optimizer rule finds filters directly
 * above a relation of a {@link DatamintResourceTable} and replaces the relation's table with one
 * whose scans require those tags ({@link TagNarrowedTable}). It runs with Spark's operator
 * optimizations, which move filters down onto their relations and come before scans are built;
 * Spark then builds the scan from the narrowed table, so no built scan is ever changed. The filter
 * stays in the plan, so results are exact with or without this rule.
 *
 * <p>Spark runs it when a session is created with {@code spark.sql.extensions} naming {@code
 * io.datamint.spark.DatamintSparkSessionExtensions}, which injects it through {@link
 * SessionExtensions}.
 */
final class TagPushdownRule extends Rule<LogicalPlan> {

  @Override
  public LogicalPlan apply(LogicalPlan plan) {
    return plan.transformDown(
        new AbstractPartialFunction<LogicalPlan, LogicalPlan>() {
          @Override
          public boolean isDefinedAt(LogicalPlan node) {
            return node instanceof Filter filter
                && filter.child() instanceof DataSourceV2Relation relation
                && relation.table() instanceof DatamintResourceTable;
          }

          @Override
          public LogicalPlan apply(LogicalPlan node) {
            return narrow((Filter) node);
          }
        });
  }

  /**
   * {@code filter} over a relation narrowed to its tags; {@code filter} itself when there is
   * nothing new.
   */
  private static LogicalPlan narrow(Filter filter) {
    DataSourceV2Relation relation = (DataSourceV2Relation) filter.child();
    List<String> tags = new ArrayList<>();
    collectTags(filter.condition(), tags);
    DatamintResourceTable table = (DatamintResourceTable) relation.table();
    DatamintResourceTable narrowed = TagNarrowedTable.narrow(table, tags);
    if (narrowed == table) {
      return filter;
    }
    return new Filter(filter.condition(), withTable(relation, narrowed));
  }

  /**
   * A copy of {@code relation} reading {@code table}. Built from the relation's own constructor
   * arguments (as every Catalyst tree copy is), so it does not depend on how many fields a Spark
   * version gives the relation.
   */
  private static DataSourceV2Relation withTable(
      DataSourceV2Relation relation, DatamintResourceTable table) {
    List<Object> args = new ArrayList<>();
    relation.productIterator().foreach(arg -> args.add(arg == relation.table() ? table : arg));
    return (DataSourceV2Relation) relation.makeCopy(args.toArray());
  }

  /**
   * The tags of the {@code array_contains(tags, <string literal>)} conjuncts of {@code condition}.
   */
  private static void collectTags(Expression condition, List<String> out) {
    if (condition instanceof And and) {
      collectTags(and.left(), out);
      collectTags(and.right(), out);
    } else if (condition instanceof ArrayContains contains
        && contains.left() instanceof AttributeReference attribute
        && attribute.name().equals(Columns.TAGS)
        && contains.right() instanceof Literal literal
        && literal.value() instanceof UTF8String value) {
      out.add(value.toString());
    }
  }
}
