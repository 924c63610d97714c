package io.datamint.spark.internal.read.executor;

import io.datamint.spark.internal.core.PixelArray;
import io.datamint.spark.internal.tensor.TensorType;
import io.datamint.spark.internal.tensor.TensorVectorWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.execution.arrow.ArrowWriter;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/**
 * Builds the reader's Arrow batches in the read schema's column order: the top-level tensor columns
 * straight from the decoded arrays, the other columns through Spark's own Arrow writer. The vectors
 * are reused from batch to batch, and the tensor vectors, whose buffers are large, from partition
 * to partition ({@link TensorVectorCache}); a batch is valid until the next {@link #reset()}.
 */
final class ColumnarBatchBuilder implements AutoCloseable {

  private static final String TIME_ZONE = "UTC";

  private final VectorSchemaRoot root;
  private final ArrowWriter writer;
  private final String[] tensorNames;
  private final Field[] tensorFields;
  private final StructVector[] tensorVectors;
  private final TensorVectorCache vectors;
  private final TensorVectorWriter[] tensorWriters;
  private final ColumnVector[] columns;
  private final int batchRows;
  private final long batchTensorBytes;
  private final long maxColumnBytes;
  private int rows;

  /** The read schema without its tensor columns: what {@link #add}'s plain row holds. */
  static StructType plainSchema(StructType readSchema) {
    List<StructField> plain = new ArrayList<>();
    for (StructField field : readSchema.fields()) {
      if (!TensorType.isTensor(field.dataType())) {
        plain.add(field);
      }
    }
    return new StructType(plain.toArray(new StructField[0]));
  }

  /**
   * @param batchRows the most rows a batch holds ({@link ReadSettings#batchSize()})
   * @param batchTensorBytes the tensor bytes at which a batch closes ({@link
   *     ReadSettings#batchTensorBytes()}): the most a column's buffer is grown to ahead of its rows
   * @param maxColumnBytes the most one tensor column of one batch may hold ({@link
   *     ReadSettings#maxColumnBytes()})
   * @param retainedBytes the largest tensor data buffer kept from one batch to the next; a larger
   *     one (grown by a tensor above the batch bound) is freed
   * @param vectors where the tensor vectors come from and go back to at {@link #close()}, with
   *     their buffers (the plain columns' vectors are {@code allocator}'s)
   */
  ColumnarBatchBuilder(
      StructType readSchema,
      BufferAllocator allocator,
      TensorVectorCache vectors,
      int batchRows,
      long batchTensorBytes,
      long maxColumnBytes,
      long retainedBytes) {
    this.batchRows = batchRows;
    this.batchTensorBytes = batchTensorBytes;
    this.maxColumnBytes = maxColumnBytes;
    this.vectors = vectors;
    this.root =
        VectorSchemaRoot.create(
            ArrowSchemas.toArrowSchema(plainSchema(readSchema), TIME_ZONE), allocator);
    this.writer = ArrowWriter.create(root);
    List<StructField> tensors = new ArrayList<>();
    for (StructField field : readSchema.fields()) {
      if (TensorType.isTensor(field.dataType())) {
        tensors.add(field);
      }
    }
    this.tensorNames = new String[tensors.size()];
    this.tensorFields = new Field[tensors.size()];
    this.tensorVectors = new StructVector[tensors.size()];
    this.tensorWriters = new TensorVectorWriter[tensors.size()];
    for (int t = 0; t < tensors.size(); t++) {
      Field arrowField =
          ArrowSchemas.toArrowSchema(new StructType(new StructField[] {tensors.get(t)}), TIME_ZONE)
              .getFields()
              .get(0);
      tensorNames[t] = tensors.get(t).name();
      tensorFields[t] = arrowField;
      tensorVectors[t] = vectors.take(arrowField);
      tensorWriters[t] = new TensorVectorWriter(tensorVectors[t], retainedBytes);
    }
    this.columns = new ColumnVector[readSchema.fields().length];
    int plainIndex = 0;
    int tensorIndex = 0;
    List<FieldVector> plainVectors = root.getFieldVectors();
    for (int i = 0; i < columns.length; i++) {
      boolean tensor = TensorType.isTensor(readSchema.fields()[i].dataType());
      columns[i] =
          new ReusedArrowColumnVector(
              tensor ? tensorVectors[tensorIndex++] : plainVectors.get(plainIndex++));
    }
  }

  /**
   * Appends one row: its plain columns, and each tensor column's value by column name (null for a
   * null).
   *
   * @param rowsExpected the rows the reader still expects, this one included, if it went on to the
   *     end of its partition (an estimate): a tensor column that has to grow for this row grows
   *     once to hold as many rows like it as this batch may still take
   */
  void add(InternalRow plainColumns, Function<String, PixelArray> tensors, long rowsExpected) {
    writer.write(plainColumns);
    for (int t = 0; t < tensorWriters.length; t++) {
      PixelArray tensor = tensors.apply(tensorNames[t]);
      tensorWriters[t].write(rows, tensor, expectedBytes(tensorWriters[t], tensor, rowsExpected));
    }
    rows++;
  }

  /**
   * The bytes a tensor column is expected to reach in this batch if the rows still to come are like
   * this one: its bytes so far plus this row's times the rows the batch may still take, within the
   * batch's tensor bound (a soft bound: the row that crosses it stays, so one row more) and the
   * column's limit.
   */
  private long expectedBytes(TensorVectorWriter writer, PixelArray tensor, long rowsExpected) {
    long row = writer.bytesOf(tensor);
    long rowsLeft = Math.max(1, Math.min(rowsExpected, batchRows - rows));
    long bound = Math.min(maxColumnBytes, batchTensorBytes + row);
    return Math.min(bound, writer.dataBytes() + row * rowsLeft);
  }

  int rows() {
    return rows;
  }

  /**
   * Why a row with these tensors can never be written, even into an empty batch (a tensor larger
   * than a batch's column can hold), or null when it can.
   */
  String tooLarge(Function<String, PixelArray> tensors) {
    for (int t = 0; t < tensorWriters.length; t++) {
      PixelArray tensor = tensors.apply(tensorNames[t]);
      long bytes = tensorWriters[t].bytesOf(tensor);
      if (bytes > maxColumnBytes) {
        return "the "
            + tensorNames[t]
            + " tensor of shape "
            + java.util.Arrays.toString(tensor.shape())
            + " ("
            + tensor.dtype().numpyName()
            + ") is "
            + bytes
            + " bytes, more than the "
            + maxColumnBytes
            + " bytes one Arrow batch column can hold (32-bit offsets); read it in slices or frames"
            + " (options slice, frame_by_frame)";
      }
    }
    return null;
  }

  /**
   * True when a row with these tensors fits in this batch without taking a column past its limit.
   */
  boolean fits(Function<String, PixelArray> tensors) {
    for (int t = 0; t < tensorWriters.length; t++) {
      long bytes = tensorWriters[t].bytesOf(tensors.apply(tensorNames[t]));
      if (bytes > maxColumnBytes - tensorWriters[t].dataBytes()) {
        return false;
      }
    }
    return true;
  }

  long tensorBytes() {
    long bytes = 0;
    for (TensorVectorWriter w : tensorWriters) {
      bytes += w.dataBytes();
    }
    return bytes;
  }

  /** The batch of the rows added since the last reset. */
  ColumnarBatch build() {
    writer.finish();
    for (TensorVectorWriter w : tensorWriters) {
      w.finish(rows);
    }
    return new ColumnarBatch(columns, rows);
  }

  /** Empties the vectors for the next batch. */
  void reset() {
    writer.reset();
    for (TensorVectorWriter w : tensorWriters) {
      w.reset();
    }
    rows = 0;
  }

  /** Frees the plain columns' vectors and gives the tensor vectors back, cleared, for reuse. */
  @Override
  public void close() {
    root.close();
    for (int t = 0; t < tensorVectors.length; t++) {
      tensorWriters[t].reset();
      vectors.give(tensorFields[t], tensorVectors[t]);
    }
  }
}
