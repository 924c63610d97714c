package io.datamint.spark.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.internal.read.executor.RowIndexFilter;
import io.datamint.spark.internal.schema.Columns;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.Expressions;
import org.apache.spark.sql.connector.expressions.LiteralValue;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

/** The last frame a pushed {@code frame_index} filter can keep, where a streamed read stops. */
class RowIndexBoundTest {

  private static Predicate cmp(String op, String column, int value) {
    return new Predicate(
        op,
        new Expression[] {
          Expressions.column(column), new LiteralValue<>(value, DataTypes.IntegerType)
        });
  }

  private static Predicate frame(String op, int value) {
    return cmp(op, Columns.FRAME_INDEX, value);
  }

  private static int last(Predicate... predicates) {
    List<RowIndexFilter> filters = new ArrayList<>();
    for (Predicate p : predicates) {
      filters.add(RowIndexTranslator.translate(p, Columns.SLICE_INDEX, Columns.FRAME_INDEX));
    }
    RowIndexFilter filter = RowIndexTranslator.all(filters, List.of(predicates));
    // the bound is sound: no frame above it is kept
    int from = filter.lastFrame() == Integer.MAX_VALUE ? 200 : Math.max(filter.lastFrame() + 1, 0);
    for (int f = from; f < 200; f++) {
      assertThat(filter.keeps(null, f)).as("frame " + f).isFalse();
    }
    return filter.lastFrame();
  }

  @Test
  void boundsFollowTheLiterals() {
    assertThat(last(frame("<", 5))).isEqualTo(4);
    assertThat(last(frame("<=", 5))).isEqualTo(5);
    assertThat(last(frame("=", 10))).isEqualTo(10);
    assertThat(last(new Predicate("OR", new Expression[] {frame("=", 10), frame("=", 12)})))
        .isEqualTo(12);
    assertThat(last(frame(">=", 3), frame("<", 8))).isEqualTo(7);
    assertThat(last(frame("<", 0))).isEqualTo(-1);
    assertThat(last(frame(">", -5), frame("<", -1))).isEqualTo(-1);
  }

  @Test
  void unboundedFiltersHaveNoLastFrame() {
    assertThat(last()).isEqualTo(Integer.MAX_VALUE);
    assertThat(last(frame(">=", 20))).isEqualTo(Integer.MAX_VALUE);
    assertThat(last(frame("<>", 3))).isEqualTo(Integer.MAX_VALUE);
    assertThat(last(new Predicate("NOT", new Expression[] {frame(">", 7)}))).isEqualTo(7);
    assertThat(last(frame("<", Integer.MAX_VALUE))).isEqualTo(Integer.MAX_VALUE);
  }

  private static int first(Predicate... predicates) {
    List<RowIndexFilter> filters = new ArrayList<>();
    for (Predicate p : predicates) {
      filters.add(RowIndexTranslator.translate(p, Columns.SLICE_INDEX, Columns.FRAME_INDEX));
    }
    RowIndexFilter filter = RowIndexTranslator.all(filters, List.of(predicates));
    // the bound is sound: no frame below it is kept
    for (int f = 0; f < Math.min(filter.firstFrame(), 3000); f++) {
      assertThat(filter.keeps(null, f)).as("frame " + f).isFalse();
    }
    return filter.firstFrame();
  }

  @Test
  void firstFramesFollowTheLiterals() {
    assertThat(first()).isZero();
    assertThat(first(frame(">=", 1500))).isEqualTo(1500);
    assertThat(first(frame(">", 1500))).isEqualTo(1501);
    assertThat(first(frame("=", 1800))).isEqualTo(1800);
    assertThat(first(frame(">=", 100), frame("<=", 200))).isEqualTo(100);
    assertThat(
            first(
                new Predicate(
                    "IN",
                    new Expression[] {
                      Expressions.column(Columns.FRAME_INDEX),
                      new LiteralValue<>(1900, DataTypes.IntegerType),
                      new LiteralValue<>(1700, DataTypes.IntegerType)
                    })))
        .isEqualTo(1700);
    assertThat(first(new Predicate("OR", new Expression[] {frame("=", 12), frame("=", 10)})))
        .isEqualTo(10);
    assertThat(first(frame("<", 5))).isZero();
    assertThat(first(frame("<>", 3))).isZero();
    assertThat(first(frame(">", -5))).isZero();
    assertThat(first(new Predicate("NOT", new Expression[] {frame("<", 7)}))).isEqualTo(7);
  }

  @Test
  void slicePredicatesKeepNoFrameRow() {
    assertThat(last(cmp("<", Columns.SLICE_INDEX, 4))).isEqualTo(-1);
  }
}
