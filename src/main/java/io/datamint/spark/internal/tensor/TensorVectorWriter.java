package io.datamint.spark.internal.tensor;

import io.datamint.spark.internal.core.PixelArray;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;

/**
 * Writes tensors into one Arrow struct vector of the tensor layout, row by row. The pixel bytes are
 * copied once, from the decoded array straight into the Arrow data buffer, which grows once to what
 * the caller expects the batch to hold ({@link #write(int, PixelArray, long)}) rather than by
 * doubling, and is kept from batch to batch without being cleared (only its validity and offsets
 * are). A data buffer grown past {@code retainedBytes} by a large tensor is freed at the next
 * {@link #reset()}, so that its native memory is not held for the rest of the task. The struct may
 * hold any subset of the tensor's fields (nested column pruning: {@code SELECT image.shape} reads
 * no {@code data}); absent fields are skipped.
 */
public final class TensorVectorWriter {

  private final StructVector vector;
  private final VarCharVector dtype;
  private final ListVector shape;
  private final IntVector shapeValues;
  private final VarBinaryVector data;
  private final long retainedBytes;
  private int shapeOffset;
  private long dataBytes;

  /**
   * @param vector the struct vector of the tensor layout (or of the fields the read keeps)
   * @param retainedBytes the largest data buffer {@link #reset()} keeps for the next batch
   */
  public TensorVectorWriter(StructVector vector, long retainedBytes) {
    this.vector = vector;
    this.retainedBytes = retainedBytes;
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
    write(row, tensor, 0);
  }

  /**
   * Writes {@code tensor} at {@code row} as {@link #write(int, PixelArray)} does; when the data
   * buffer has to grow for it, it grows once to {@code expectedBytes} (the bytes the column is
   * expected to hold by the end of the batch) where that is more than the row needs, instead of by
   * doubling: a large buffer is then allocated once, and only the pages the rows write are touched,
   * where doubling copies what was written into every larger buffer. The caller bounds {@code
   * expectedBytes} by what the batch can really take: it is native memory held until the task ends
   * or a {@link #reset()} frees it.
   */
  public void write(int row, PixelArray tensor, long expectedBytes) {
    if (tensor != null && data != null) {
      long needed = dataBytes + tensor.data().limit();
      if (needed > data.getDataBuffer().capacity() && expectedBytes > needed) {
        data.reallocDataBuffer(expectedBytes);
      }
    }
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

  /** The capacity of the data buffer, in bytes (0 when {@code data} is pruned away). */
  public long dataCapacity() {
    return data == null ? 0 : data.getDataBuffer().capacity();
  }

  /**
   * Clears the vector for the next batch: keeps its buffers, unless a large tensor grew the data
   * buffer past the retained size; then frees them all (they grow again as rows come).
   */
  public void reset() {
    if (data != null && data.getDataBuffer().capacity() > retainedBytes) {
      vector.clear();
    } else {
      clearKeepingValues();
    }
    shapeOffset = 0;
    dataBytes = 0;
  }

  /**
   * Arrow's {@code reset()} with the data vector's value bytes left as they are: its validity and
   * offsets are zeroed, which is all a variable-width vector reads, and the value bytes are
   * overwritten row by row. Zeroing them, as Arrow's {@code reset()} does, would write every page
   * of the retained buffer (up to twice the batch bound) at every batch.
   */
  private void clearKeepingValues() {
    for (FieldVector child : vector.getChildrenFromFields()) {
      if (child != data) {
        child.reset();
      }
    }
    if (data != null) {
      zero(data.getValidityBuffer());
      zero(data.getOffsetBuffer());
      data.setLastSet(-1);
    }
    zero(vector.getValidityBuffer());
    vector.setValueCount(0);
  }

  private static void zero(ArrowBuf buffer) {
    buffer.setZero(0, buffer.capacity());
  }
}
