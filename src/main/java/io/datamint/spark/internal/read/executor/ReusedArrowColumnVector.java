package io.datamint.spark.internal.read.executor;

import org.apache.arrow.vector.ValueVector;
import org.apache.spark.sql.vectorized.ArrowColumnVector;

/**
 * An Arrow column whose vector the reader reuses from batch to batch. Spark frees a consumed batch
 * through {@code closeIfFreeable()}; for these columns that is a no-op (as for Spark's own writable
 * vectors), and the reader frees the vectors once, when it closes.
 */
final class ReusedArrowColumnVector extends ArrowColumnVector {

  ReusedArrowColumnVector(ValueVector vector) {
    super(vector);
  }

  @Override
  public void closeIfFreeable() {
    // the reader owns the vector and closes it when the partition is done
  }
}
