package io.datamint.spark.tensor;

import io.datamint.spark.decode.PixelArray;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * Writes tensors into one Arrow struct vector of the tensor layout, row by row. The pixel bytes are copied once,
 * from the decoded array straight into the Arrow data buffer.
 */
public final class TensorVectorWriter {

  private final StructVector vector;
  private final VarCharVector dtype;
  private final ListVector shape;
  private final IntVector shapeValues;
  private final VarBinaryVector data;
  private int shapeOffset;
  private long dataBytes;

  public TensorVectorWriter(StructVector vector) {
    this.vector = vector;
    this.dtype = (VarCharVector) vector.getChild(TensorType.DTYPE);
    this.shape = (ListVector) vector.getChild(TensorType.SHAPE);
    this.shapeValues = (IntVector) shape.getDataVector();
    this.data = (VarBinaryVector) vector.getChild(TensorType.DATA);
  }

  /** Writes {@code tensor} at {@code row}, or a null when it is null. Rows must be written in order from 0. */
  public void write(int row, PixelArray tensor) {
    if (tensor == null) {
      vector.setNull(row);
      shape.setNull(row);
      return;
    }
    vector.setIndexDefined(row);
    dtype.setSafe(row, tensor.dtype().numpyName().getBytes(StandardCharsets.US_ASCII));
    int[] dims = tensor.shape();
    shape.startNewValue(row);
    for (int dim : dims) {
      shapeValues.setSafe(shapeOffset++, dim);
    }
    shape.endValue(row, dims.length);
    ByteBuffer bytes = tensor.data().duplicate();
    bytes.position(0);
    data.setSafe(row, bytes, 0, bytes.limit());
    dataBytes += bytes.limit();
  }

  /** Sets the value counts after the last row. */
  public void finish(int rows) {
    shapeValues.setValueCount(shapeOffset);
    shape.setValueCount(rows);
    dtype.setValueCount(rows);
    data.setValueCount(rows);
    vector.setValueCount(rows);
  }

  /** Tensor bytes written since the last reset. */
  public long dataBytes() {
    return dataBytes;
  }

  /** Clears the vector for the next batch, keeping its buffers. */
  public void reset() {
    vector.reset();
    shapeOffset = 0;
    dataBytes = 0;
  }
}
