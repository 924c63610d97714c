package io.datamint.spark.internal.read;

import io.datamint.spark.internal.config.ReadMode;
import io.datamint.spark.internal.read.executor.RowIndexFilter;
import io.datamint.spark.internal.schema.Columns;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownLimit;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.connector.read.SupportsPushDownV2Filters;
import org.apache.spark.sql.types.StructType;

/**
 * Collects what Spark pushes down: predicates on resource attributes (evaluated exactly on the
 * driver), predicates on {@code slice_index} / {@code frame_index} (evaluated exactly in the
 * executors before a slice is cut), the required columns, and a limit. Spark does not re-evaluate
 * what is pushed. Tags required by {@code array_contains(tags, ...)} filters come from {@link
 * TagNarrowedTable}, which {@link TagPushdownRule} puts in the plan; Spark keeps those filters, so
 * they narrow the planned resources without changing the result.
 */
final class DatamintScanBuilder
    implements ScanBuilder,
        SupportsPushDownV2Filters,
        SupportsPushDownRequiredColumns,
        SupportsPushDownLimit {

  private final DatamintTable table;
  private final List<Predicate> pushed = new ArrayList<>();
  private final List<ResourcePredicate> predicates = new ArrayList<>();
  private final List<RowIndexFilter> rowFilters = new ArrayList<>();
  private final List<Predicate> rowPredicates = new ArrayList<>();
  private final Set<String> requiredTags = new LinkedHashSet<>();
  private StructType readSchema;
  private Integer limit;

  DatamintScanBuilder(DatamintTable table) {
    this.table = table;
    this.readSchema = table.schema();
  }

  /** Keeps only resources having every one of {@code tags}. */
  void requireTags(Collection<String> tags) {
    requiredTags.addAll(tags);
  }

  @Override
  public Predicate[] pushPredicates(Predicate[] candidates) {
    List<Predicate> rest = new ArrayList<>();
    for (Predicate candidate : candidates) {
      ResourcePredicate translated = PredicateTranslator.translate(candidate);
      RowIndexFilter rowFilter =
          translated != null
              ? null
              : RowIndexTranslator.translate(candidate, Columns.SLICE_INDEX, Columns.FRAME_INDEX);
      if (translated != null) {
        pushed.add(candidate);
        predicates.add(translated);
      } else if (rowFilter != null) {
        pushed.add(candidate);
        rowFilters.add(rowFilter);
        rowPredicates.add(candidate);
      } else {
        rest.add(candidate);
      }
    }
    return rest.toArray(new Predicate[0]);
  }

  @Override
  public Predicate[] pushedPredicates() {
    return pushed.toArray(new Predicate[0]);
  }

  @Override
  public void pruneColumns(StructType requiredSchema) {
    this.readSchema = requiredSchema;
  }

  /**
   * Keeps only the first {@code n} resources. Refused in DROPMALFORMED mode and with a pushed slice
   * or frame index predicate, where a resource may give no row; always partial, so Spark still
   * applies the limit on top.
   */
  @Override
  public boolean pushLimit(int n) {
    if (table.options().mode() == ReadMode.DROPMALFORMED || !rowFilters.isEmpty()) {
      return false;
    }
    limit = limit == null ? n : Math.min(limit, n);
    return true;
  }

  @Override
  public boolean isPartiallyPushed() {
    return true;
  }

  @Override
  public Scan build() {
    return new DatamintScan(
        table,
        readSchema,
        List.copyOf(pushed),
        List.copyOf(predicates),
        RowIndexTranslator.all(rowFilters, rowPredicates),
        limit,
        List.copyOf(requiredTags));
  }
}
