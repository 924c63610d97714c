package io.datamint.spark.internal.tensor;

import io.datamint.spark.internal.core.PixelArray;
import java.nio.ByteBuffer;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * A tensor as a Spark row value, for tensors nested in other columns (map values): the struct of
 * {@link TensorType} with the bytes copied into a {@code byte[]}. Top-level tensor columns do not
 * go through here; {@link TensorVectorWriter} writes them straight into Arrow.
 */
public final class TensorRows {

  private TensorRows() {}

  /** The struct value of a tensor. */
  public static InternalRow of(PixelArray tensor) {
    ByteBuffer data = tensor.data().duplicate();
    data.position(0);
    byte[] bytes = new byte[data.limit()];
    data.get(bytes);
    return new GenericInternalRow(
        new Object[] {
          UTF8String.fromString(tensor.dtype().numpyName()),
          new GenericArrayData(tensor.shape()),
          bytes
        });
  }
}
