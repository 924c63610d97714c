package io.datamint.spark.internal.read;

import io.datamint.spark.internal.read.executor.RowIndexFilter;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.Literal;
import org.apache.spark.sql.connector.expressions.NamedReference;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.types.DataTypes;

/**
 * Driver side: translates pushed predicates on {@code slice_index} / {@code frame_index} into the
 * {@link RowIndexFilter} the executors evaluate before a slice or frame is cut, with SQL's
 * three-valued logic.
 */
final class RowIndexTranslator {

  private RowIndexTranslator() {}

  /** The conjunction of several filters. */
  static RowIndexFilter all(List<RowIndexFilter> filters) {
    List<RowIndexFilter> copy = new ArrayList<>(filters);
    return (s, f) -> {
      Boolean result = true;
      for (RowIndexFilter filter : copy) {
        result = ResourcePredicate.and(result, filter.test(s, f));
      }
      return result;
    };
  }

  /**
   * The conjunction of the filters of these translated predicates, with its first and last kept
   * frames when they are bounded: every predicate this class translates compares the frame index
   * with integer literals, so on frame rows (slice index null) the filter's value is the same for
   * every index above the largest literal, and for every index below the smallest; if it does not
   * keep those, it keeps none above the largest (below the smallest) literal.
   */
  static RowIndexFilter all(List<RowIndexFilter> filters, List<Predicate> predicates) {
    RowIndexFilter filter = all(filters);
    if (predicates.isEmpty()) {
      return filter;
    }
    long largest = Integer.MIN_VALUE;
    long smallest = Integer.MAX_VALUE;
    for (Predicate predicate : predicates) {
      largest = Math.max(largest, extremeLiteral(predicate, true));
      smallest = Math.min(smallest, extremeLiteral(predicate, false));
    }
    int last = largest >= Integer.MAX_VALUE ? Integer.MAX_VALUE : lastFrame(filter, largest);
    int first = smallest == Integer.MAX_VALUE ? 0 : firstFrame(filter, smallest);
    return first <= 0 && last == Integer.MAX_VALUE
        ? filter
        : RowIndexFilter.withFrames(filter, Math.max(first, 0), last);
  }

  /** The last frame the filter keeps, knowing it keeps all or none above {@code largest}. */
  private static int lastFrame(RowIndexFilter filter, long largest) {
    int above = (int) Math.max(largest + 1, 0);
    if (filter.keeps(null, above)) {
      return Integer.MAX_VALUE;
    }
    // the last kept index below it, looked for over a bounded number of indexes
    int last = above - 1;
    for (int i = last; i >= 0 && i > above - 1 - MAX_FRAME_SEARCH; i--) {
      if (filter.keeps(null, i)) {
        return i;
      }
      last = i - 1;
    }
    return last;
  }

  /**
   * The first frame the filter may keep, knowing it keeps all or none below {@code smallest}: 0
   * when it keeps those, else the first kept index from {@code smallest} on, looked for over a
   * bounded number of indexes (the last one looked at, plus one, when none is kept there).
   */
  private static int firstFrame(RowIndexFilter filter, long smallest) {
    if (smallest <= 0 || filter.keeps(null, (int) smallest - 1)) {
      return 0;
    }
    int from = (int) smallest;
    int i = from;
    for (; i < Integer.MAX_VALUE && i - from < MAX_FRAME_SEARCH; i++) {
      if (filter.keeps(null, i)) {
        return i;
      }
    }
    return i;
  }

  /** Indexes tried when looking for a filter's first or last kept frame near its literals. */
  private static final int MAX_FRAME_SEARCH = 1 << 16;

  /**
   * The largest (or smallest) integer literal in a translated predicate ({@code Integer.MIN_VALUE}
   * / {@code Integer.MAX_VALUE} if none).
   */
  private static long extremeLiteral(Expression e, boolean largest) {
    long extreme = largest ? Integer.MIN_VALUE : Integer.MAX_VALUE;
    Integer literal = intLiteral(e);
    if (literal != null) {
      extreme = literal;
    }
    for (Expression child : e.children()) {
      long value = extremeLiteral(child, largest);
      extreme = largest ? Math.max(extreme, value) : Math.min(extreme, value);
    }
    return extreme;
  }

  /**
   * The filter of a predicate on the index columns, or null when it is not one this class
   * evaluates.
   */
  static RowIndexFilter translate(Predicate predicate, String sliceColumn, String frameColumn) {
    Expression[] c = predicate.children();
    switch (predicate.name()) {
      case "AND":
        {
          RowIndexFilter l = translate((Predicate) c[0], sliceColumn, frameColumn);
          RowIndexFilter r = translate((Predicate) c[1], sliceColumn, frameColumn);
          return l == null || r == null
              ? null
              : (s, f) -> ResourcePredicate.and(l.test(s, f), r.test(s, f));
        }
      case "OR":
        {
          RowIndexFilter l = translate((Predicate) c[0], sliceColumn, frameColumn);
          RowIndexFilter r = translate((Predicate) c[1], sliceColumn, frameColumn);
          return l == null || r == null
              ? null
              : (s, f) -> ResourcePredicate.or(l.test(s, f), r.test(s, f));
        }
      case "NOT":
        {
          RowIndexFilter inner = translate((Predicate) c[0], sliceColumn, frameColumn);
          return inner == null ? null : (s, f) -> ResourcePredicate.not(inner.test(s, f));
        }
      case "IS_NULL":
        {
          Boolean slice = column(c[0], sliceColumn, frameColumn);
          return slice == null ? null : (s, f) -> (slice ? s : f) == null;
        }
      case "IS_NOT_NULL":
        {
          Boolean slice = column(c[0], sliceColumn, frameColumn);
          return slice == null ? null : (s, f) -> (slice ? s : f) != null;
        }
      case "IN":
        {
          Boolean slice = column(c[0], sliceColumn, frameColumn);
          if (slice == null) {
            return null;
          }
          List<Integer> values = new ArrayList<>();
          for (int i = 1; i < c.length; i++) {
            Integer v = intLiteral(c[i]);
            if (v == null) {
              return null;
            }
            values.add(v);
          }
          return (s, f) -> {
            Integer v = slice ? s : f;
            return v == null ? null : values.contains(v);
          };
        }
      case "=":
      case "<>":
      case "<":
      case "<=":
      case ">":
      case ">=":
        return comparison(predicate.name(), c, sliceColumn, frameColumn);
      default:
        return null;
    }
  }

  private static RowIndexFilter comparison(
      String op, Expression[] c, String sliceColumn, String frameColumn) {
    Boolean slice = column(c[0], sliceColumn, frameColumn);
    Integer literal = intLiteral(c[1]);
    String operator = op;
    if (slice == null) {
      slice = column(c[1], sliceColumn, frameColumn);
      literal = intLiteral(c[0]);
      operator =
          switch (op) {
            case "<" -> ">";
            case "<=" -> ">=";
            case ">" -> "<";
            case ">=" -> "<=";
            default -> op;
          };
    }
    if (slice == null || literal == null) {
      return null;
    }
    boolean onSlice = slice;
    int value = literal;
    String o = operator;
    return (s, f) -> {
      Integer v = onSlice ? s : f;
      if (v == null) {
        return null;
      }
      return switch (o) {
        case "=" -> v == value;
        case "<>" -> v != value;
        case "<" -> v < value;
        case "<=" -> v <= value;
        case ">" -> v > value;
        default -> v >= value;
      };
    };
  }

  /** TRUE for the slice column, FALSE for the frame column, null for anything else. */
  private static Boolean column(Expression e, String sliceColumn, String frameColumn) {
    if (!(e instanceof NamedReference ref) || ref.fieldNames().length != 1) {
      return null;
    }
    String name = ref.fieldNames()[0];
    return name.equals(sliceColumn)
        ? Boolean.TRUE
        : name.equals(frameColumn) ? Boolean.FALSE : null;
  }

  private static Integer intLiteral(Expression e) {
    if (e instanceof Literal<?> literal
        && literal.dataType().equals(DataTypes.IntegerType)
        && literal.value() instanceof Integer value) {
      return value;
    }
    return null;
  }
}
