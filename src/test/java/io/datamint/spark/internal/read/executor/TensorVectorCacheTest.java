package io.datamint.spark.internal.read.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.internal.core.DType;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelArray;
import io.datamint.spark.internal.tensor.TensorType;
import io.datamint.spark.internal.tensor.TensorVectorWriter;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ArrowColumnVector;
import org.junit.jupiter.api.Test;

class TensorVectorCacheTest {

  private static Field tensorField(String name) {
    StructField field = new StructField(name, TensorType.SPARK_TYPE, true, Metadata.empty());
    return ArrowSchemas.toArrowSchema(new StructType(new StructField[] {field}), "UTC")
        .getFields()
        .get(0);
  }

  /** Writes one row of {@code bytes} bytes of {@code value} and clears the vector for reuse. */
  private static long writeOneRowAndClear(StructVector vector, int bytes, byte value) {
    PixelArray row = PixelArray.allocate(DecodeLimits.defaults(), DType.UINT8, bytes);
    for (int i = 0; i < bytes; i++) {
      row.data().put(i, value);
    }
    TensorVectorWriter writer = new TensorVectorWriter(vector, 1 << 30);
    writer.write(0, row);
    writer.finish(1);
    assertThat(new ArrowColumnVector(vector).getStruct(0).getBinary(2)[bytes - 1]).isEqualTo(value);
    long address = vector.getChild(TensorType.DATA).getDataBuffer().memoryAddress();
    writer.reset();
    return address;
  }

  @Test
  void aVectorGivenBackIsLentAgainWithItsBuffersForTheSameFieldOnly() {
    try (BufferAllocator allocator = new RootAllocator()) {
      TensorVectorCache cache = new TensorVectorCache(allocator, 1 << 20, Long.MAX_VALUE);
      Field image = tensorField("image");
      StructVector first = cache.take(image);
      long address = writeOneRowAndClear(first, 100_000, (byte) 3);
      cache.give(image, first);
      assertThat(cache.idleBytes()).isGreaterThanOrEqualTo(100_000);

      StructVector other = cache.take(tensorField("mask"));
      assertThat(other).isNotSameAs(first);
      StructVector again = cache.take(image);
      assertThat(again).isSameAs(first);
      assertThat(cache.idleBytes()).isZero();
      assertThat(writeOneRowAndClear(again, 50_000, (byte) 9))
          .as("the next partition writes into the same data buffer")
          .isEqualTo(address);
      StructVector meanwhile = cache.take(image);
      assertThat(meanwhile).as("lent to one reader at a time").isNotSameAs(first);
      // closing what was taken leaves the allocator with nothing outstanding (else close fails)
      meanwhile.close();
      again.close();
      other.close();
      cache.sweep(Long.MAX_VALUE);
    }
  }

  @Test
  void idleVectorsStayWithinTheBoundAndAreClosedAfterTheIdleTime() {
    try (BufferAllocator allocator = new RootAllocator()) {
      TensorVectorCache cache = new TensorVectorCache(allocator, 300_000, 1_000);
      Field image = tensorField("image");
      StructVector a = cache.take(image);
      StructVector b = cache.take(image);
      StructVector huge = cache.take(image);
      writeOneRowAndClear(a, 100_000, (byte) 1);
      writeOneRowAndClear(b, 100_000, (byte) 2);
      writeOneRowAndClear(huge, 400_000, (byte) 3);
      cache.give(image, huge); // larger than the bound: closed at once
      assertThat(cache.idleBytes()).isZero();
      cache.give(image, a);
      long one = cache.idleBytes();
      cache.give(image, b); // two of ~128 KiB buffers: the oldest makes room
      assertThat(cache.idleBytes()).isLessThanOrEqualTo(300_000).isGreaterThanOrEqualTo(one);
      assertThat(cache.take(image)).isSameAs(b);
      cache.give(image, b);
      cache.sweep(System.nanoTime() + 1_000_000_000L);
      assertThat(cache.idleBytes()).isZero();
      assertThat(allocator.getAllocatedMemory()).as("the swept vectors are closed").isZero();
    }
  }
}
