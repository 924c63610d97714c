package io.datamint.spark.internal.tensor;

import io.datamint.spark.internal.core.PixelArray;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * Writes tensors into one Arrow struct vector of the tensor layout, row by row. The pixel bytes are
 * copied once, from the decoded array straight into the Arrow data buffer. The struct may hold any
 * subset of the tensor's fields (nested column pruning: {@code SELECT image.shape} reads no {@code
 * data}); absent fields are skipped.
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
    this.shapeValues = shape == null ? null : (IntVector) shape.getDataVector();
    this.data = (VarBinaryVector) vector.getChild(TensorType.DATA);
  }

  /**
   * Writes {@code tensor} at {@code row}, or a null when it is null. Rows must be written in order
   * from 0.
   */
  public void write(int row, PixelArray tensor) {
    if (tensor == null) {
      vector.setNull(row);
      if (shape != null) {
        shape.setNull(row);
      }
      return;
    }
    vector.setIndexDefined(row);
    if (dtype != null) {
      dtype.setSafe(row, tensor.dtype().numpyName().getBytes(StandardCharsets.US_ASCII));
    }
    if (shape != null) {
      int[] dims = tensor.shape();
      shape.startNewValue(row);
      for (int dim : dims) {
        shapeValues.setSafe(shapeOffset++, dim);
      }
      shape.endValue(row, dims.length);
    }
    if (data != null) {
      ByteBuffer bytes = tensor.data().duplicate();
      bytes.position(0);
      data.setSafe(row, bytes, 0, bytes.limit());
      dataBytes += bytes.limit();
    }
  }

  /** Sets the value counts after the last row. */
  public void finish(int rows) {
    if (shape != null) {
      shapeValues.setValueCount(shapeOffset);
      shape.setValueCount(rows);
    }
    if (dtype != null) {
      dtype.setValueCount(rows);
    }
    if (data != null) {
      data.setValueCount(rows);
    }
    vector.setValueCount(rows);
  }

  /**
   * The bytes {@code tensor} would add to this vector's data buffer: 0 for a null, or when {@code
   * data} is pruned away.
   */
  public long bytesOf(PixelArray tensor) {
    return tensor == null || data == null ? 0 : tensor.data().limit();
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
