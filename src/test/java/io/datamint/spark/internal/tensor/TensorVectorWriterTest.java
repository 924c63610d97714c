package io.datamint.spark.internal.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.internal.core.DType;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelArray;
import io.datamint.spark.internal.read.executor.ArrowSchemas;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ArrowColumnVector;
import org.apache.spark.sql.vectorized.ColumnarRow;
import org.junit.jupiter.api.Test;

class TensorVectorWriterTest {

  /** An Arrow struct vector of the tensor layout, as the read path makes it. */
  private static StructVector tensorVector(BufferAllocator allocator) {
    StructField field =
        new StructField(
            "image", TensorType.SPARK_TYPE, true, org.apache.spark.sql.types.Metadata.empty());
    return (StructVector)
        ArrowSchemas.toArrowSchema(new StructType(new StructField[] {field}), "UTC")
            .getFields()
            .get(0)
            .createVector(allocator);
  }

  @Test
  void writesDtypeShapeAndLittleEndianBytesAndNulls() throws Exception {
    PixelArray a = PixelArray.allocate(DecodeLimits.defaults(), DType.INT16, 1, 2, 3);
    for (int i = 0; i < 6; i++) {
      a.data().putShort(i * 2, (short) (i - 2));
    }
    try (BufferAllocator allocator = new RootAllocator();
        StructVector vector = tensorVector(allocator)) {
      TensorVectorWriter writer = new TensorVectorWriter(vector, 1 << 20);
      for (int batch = 0; batch < 2; batch++) { // the second batch reuses the vectors
        writer.reset();
        writer.write(0, a);
        writer.write(1, null);
        writer.write(2, a.reshape(6));
        writer.finish(3);
        assertThat(writer.dataBytes()).isEqualTo(24);
        ArrowColumnVector column = new ArrowColumnVector(vector);
        ColumnarRow first = column.getStruct(0);
        assertThat(first.getUTF8String(0).toString()).isEqualTo("int16");
        assertThat(first.getArray(1).toIntArray()).containsExactly(1, 2, 3);
        assertThat(first.getBinary(2)).containsExactly(-2, -1, -1, -1, 0, 0, 1, 0, 2, 0, 3, 0);
        assertThat(column.isNullAt(1)).isTrue();
        assertThat(column.getStruct(2).getArray(1).toIntArray()).containsExactly(6);
      }
    }
  }

  @Test
  void aBufferGrownByALargeTensorIsFreedAtTheNextBatch() throws Exception {
    int large = 300_000; // bytes; the data buffer becomes 512 KiB (Arrow's power of two)
    PixelArray big = PixelArray.allocate(DecodeLimits.defaults(), DType.UINT8, large);
    big.data().put(large - 1, (byte) 7);
    PixelArray small = PixelArray.allocate(DecodeLimits.defaults(), DType.UINT8, 3);
    small.data().put(0, (byte) 5);
    try (BufferAllocator allocator = new RootAllocator();
        StructVector vector = tensorVector(allocator)) {
      TensorVectorWriter writer = new TensorVectorWriter(vector, 64 << 10);
      writer.reset();
      writer.write(0, small);
      writer.write(1, big);
      writer.finish(2);
      assertThat(new ArrowColumnVector(vector).getStruct(1).getBinary(2)[large - 1])
          .isEqualTo((byte) 7);
      assertThat(allocator.getAllocatedMemory()).isGreaterThan(large);
      writer.reset(); // the 512 KiB buffer is above the retained 64 KiB: freed
      assertThat(allocator.getAllocatedMemory()).isLessThan(64 << 10);
      writer.write(0, small);
      writer.finish(1);
      assertThat(new ArrowColumnVector(vector).getStruct(0).getBinary(2)).containsExactly(5, 0, 0);
      writer.reset(); // small buffers are kept
      assertThat(allocator.getAllocatedMemory()).isGreaterThan(0);
    }
  }

  @Test
  void theDataBufferGrowsOnceToTheExpectedBytesAndIsKeptUncleared() throws Exception {
    PixelArray row = PixelArray.allocate(DecodeLimits.defaults(), DType.UINT8, 1000);
    for (int i = 0; i < 1000; i++) {
      row.data().put(i, (byte) i);
    }
    try (BufferAllocator allocator = new RootAllocator();
        StructVector vector = tensorVector(allocator)) {
      TensorVectorWriter writer = new TensorVectorWriter(vector, 1 << 20);
      writer.reset();
      writer.write(0, row, 10_000); // ten rows like it expected: one buffer for them
      assertThat(writer.dataCapacity()).isGreaterThanOrEqualTo(10_000);
      long address = vector.getChild(TensorType.DATA).getDataBuffer().memoryAddress();
      for (int r = 1; r < 10; r++) {
        writer.write(r, row, 10_000);
      }
      writer.finish(10);
      assertThat(vector.getChild(TensorType.DATA).getDataBuffer().memoryAddress())
          .as("no reallocation after the first row")
          .isEqualTo(address);
      assertThat(new ArrowColumnVector(vector).getStruct(9).getBinary(2)[999])
          .isEqualTo((byte) 999);

      // the next batch: nulls first (the data vector's validity and offsets were cleared, so its
      // holes read as nulls of no bytes), then a shorter row over last batch's bytes
      writer.reset();
      assertThat(vector.getChild(TensorType.DATA).getDataBuffer().memoryAddress())
          .isEqualTo(address);
      assertThat(vector.getChild(TensorType.DATA).getDataBuffer().getByte(1))
          .as("the value bytes are not zeroed")
          .isEqualTo((byte) 1);
      PixelArray small = PixelArray.allocate(DecodeLimits.defaults(), DType.UINT8, 2);
      small.data().put(0, (byte) 42);
      writer.write(0, null);
      writer.write(1, null);
      writer.write(2, small);
      writer.finish(3);
      ArrowColumnVector column = new ArrowColumnVector(vector);
      assertThat(column.isNullAt(0)).isTrue();
      assertThat(column.isNullAt(1)).isTrue();
      assertThat(column.getStruct(2).getBinary(2)).containsExactly(42, 0);
      assertThat(column.getStruct(2).getArray(1).toIntArray()).containsExactly(2);
      assertThat(writer.dataBytes()).isEqualTo(2);
    }
  }

  @Test
  void anExpectationBelowWhatTheRowNeedsGrowsTheBufferAsArrowDoes() throws Exception {
    PixelArray row = PixelArray.allocate(DecodeLimits.defaults(), DType.UINT8, 3000);
    try (BufferAllocator allocator = new RootAllocator();
        StructVector vector = tensorVector(allocator)) {
      TensorVectorWriter writer = new TensorVectorWriter(vector, 1 << 20);
      writer.reset();
      writer.write(0, row, 1);
      writer.finish(1);
      assertThat(writer.dataCapacity()).isBetween(3000L, 4096L);
    }
  }
}
