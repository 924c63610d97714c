package io.datamint.spark.internal.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.error.DecodeException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("spark-independent")
class PixelBufferPoolTest {

  private final PixelBufferPool pool = new PixelBufferPool(1 << 20);
  private final DecodeLimits limits = DecodeLimits.defaults().withPool(pool);

  private static byte[] backing(PixelArray array) {
    return array.data().array();
  }

  private static PixelArray filled(PixelArray array, int value) {
    byte[] bytes = backing(array);
    java.util.Arrays.fill(bytes, (byte) value);
    return array;
  }

  @Test
  void aLentArrayIsNeverHandedOutAgainBeforeRecycle() throws DecodeException {
    PixelArray first = filled(PixelArray.allocateForOverwrite(limits, DType.UINT8, 4, 4), 7);
    PixelArray second = PixelArray.allocateForOverwrite(limits, DType.UINT8, 4, 4);
    PixelArray third = PixelArray.allocate(limits, DType.UINT8, 16);
    assertThat(backing(second)).isNotSameAs(backing(first));
    assertThat(backing(third)).isNotSameAs(backing(first)).isNotSameAs(backing(second));
    assertThat(backing(first)).containsOnly(7); // untouched by the later allocations
    assertThat(pool.lentCount()).isEqualTo(3);
    assertThat(pool.reuses()).isZero();
  }

  @Test
  void afterRecycleArraysOfTheSameSizeAreReused() throws DecodeException {
    byte[] first = backing(filled(PixelArray.allocateForOverwrite(limits, DType.UINT16, 2, 4), 7));
    pool.recycle();
    assertThat(pool.lentCount()).isZero();
    assertThat(pool.freeBytes()).isEqualTo(16);
    PixelArray other = PixelArray.allocateForOverwrite(limits, DType.UINT8, 8); // another size
    assertThat(backing(other)).isNotSameAs(first);
    PixelArray again = PixelArray.allocateForOverwrite(limits, DType.FLOAT32, 4);
    assertThat(backing(again)).isSameAs(first);
    assertThat(again.data().remaining()).isEqualTo(16);
    assertThat(pool.reuses()).isEqualTo(1);
    assertThat(pool.freeBytes()).isZero();
  }

  @Test
  void aZeroFilledAllocationZerosAReusedArray() throws DecodeException {
    byte[] first = backing(filled(PixelArray.allocateForOverwrite(limits, DType.UINT8, 64), 9));
    pool.recycle();
    PixelArray zeroed = PixelArray.allocate(limits, DType.UINT8, 64);
    assertThat(backing(zeroed)).isSameAs(first).containsOnly(0);
  }

  @Test
  void thePoolStaysWithinItsCapacity() throws DecodeException {
    PixelBufferPool small = new PixelBufferPool(100);
    DecodeLimits bounded = DecodeLimits.defaults().withPool(small);
    PixelArray a = PixelArray.allocateForOverwrite(bounded, DType.UINT8, 60);
    PixelArray b = PixelArray.allocateForOverwrite(bounded, DType.UINT8, 60); // past 100: plain
    assertThat(small.lentCount()).isEqualTo(1);
    assertThat(b.data().remaining()).isEqualTo(60);
    assertThat(backing(b)).isNotSameAs(backing(a));
    small.recycle();
    // a free 60-byte array is dropped to make room for a 50-byte one
    PixelArray c = PixelArray.allocateForOverwrite(bounded, DType.UINT8, 50);
    assertThat(small.lentCount()).isEqualTo(1);
    assertThat(small.freeBytes()).isZero();
    assertThat(backing(c)).hasSize(50);
    PixelArray huge = PixelArray.allocate(bounded, DType.UINT8, 1000);
    assertThat(huge.data().remaining()).isEqualTo(1000);
    assertThat(small.lentCount()).isEqualTo(1);
  }

  @Test
  void anotherThreadGetsArraysOfItsOwn() throws Exception {
    AtomicReference<PixelArray> fromWorker = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    PixelArray mine = PixelArray.allocateForOverwrite(limits, DType.UINT8, 32);
    pool.recycle();
    Thread worker =
        new Thread(
            () -> {
              try {
                fromWorker.set(PixelArray.allocateForOverwrite(limits, DType.UINT8, 32));
              } catch (Throwable t) {
                failure.set(t);
              }
            });
    worker.start();
    worker.join();
    assertThat(failure.get()).isNull();
    assertThat(backing(fromWorker.get())).isNotSameAs(backing(mine));
    assertThat(pool.lentCount()).isZero(); // the worker's array is not the pool's
    assertThat(pool.freeBytes()).isEqualTo(32);
  }

  @Test
  void trackedLimitsAllocateFromTheSamePool() throws DecodeException {
    DecodeLimits tracked = limits.tracked();
    PixelArray array = PixelArray.allocate(tracked, DType.UINT8, 10);
    assertThat(pool.lentCount()).isEqualTo(1);
    assertThat(tracked.largestAdmitted()).isEqualTo(10);
    assertThat(array.data().remaining()).isEqualTo(10);
  }

  @Test
  void closeDropsEveryArrayAndLendsNoMore() throws DecodeException {
    PixelArray.allocateForOverwrite(limits, DType.UINT8, 32);
    pool.recycle();
    pool.close();
    assertThat(pool.freeBytes()).isZero();
    PixelArray.allocateForOverwrite(limits, DType.UINT8, 32);
    assertThat(pool.lentCount()).isZero();
    assertThat(pool.reuses()).isZero();
  }

  @Test
  void aClosedPoolsFreeArraysGoToTheNextPoolOfTheJvm() throws DecodeException {
    SpareArrays spares = new SpareArrays(1 << 20);
    PixelBufferPool task1 = new PixelBufferPool(1 << 20, spares);
    DecodeLimits limits1 = DecodeLimits.defaults().withPool(task1);
    byte[] photo = backing(filled(PixelArray.allocateForOverwrite(limits1, DType.UINT8, 64), 5));
    byte[] stillLent = backing(PixelArray.allocateForOverwrite(limits1, DType.UINT8, 48));
    task1.recycle();
    PixelArray.allocateForOverwrite(limits1, DType.UINT8, 48); // lent again at close: not given
    task1.close();
    assertThat(spares.bytes()).isEqualTo(64);

    PixelBufferPool task2 = new PixelBufferPool(1 << 20, spares);
    DecodeLimits limits2 = DecodeLimits.defaults().withPool(task2);
    assertThat(backing(PixelArray.allocateForOverwrite(limits2, DType.UINT8, 48)))
        .isNotSameAs(stillLent);
    PixelArray zeroed = PixelArray.allocate(limits2, DType.UINT8, 64);
    assertThat(backing(zeroed)).isSameAs(photo).containsOnly(0);
    assertThat(task2.reuses()).isEqualTo(1);
    assertThat(spares.bytes()).isZero();
    // taken from the spares, the array is the second pool's: lent until its recycle
    assertThat(backing(PixelArray.allocateForOverwrite(limits2, DType.UINT8, 64)))
        .isNotSameAs(photo);
  }

  @Test
  void onlyTheOwnerThreadGivesArraysToTheSpares() throws Exception {
    SpareArrays spares = new SpareArrays(1 << 20);
    PixelBufferPool task = new PixelBufferPool(1 << 20, spares);
    PixelArray.allocateForOverwrite(DecodeLimits.defaults().withPool(task), DType.UINT8, 32);
    task.recycle();
    Thread closer = new Thread(task::close);
    closer.start();
    closer.join();
    assertThat(spares.bytes()).isZero();
  }

  @Test
  void sparesKeepTheMostRecentWithinTheirBound() {
    SpareArrays spares = new SpareArrays(100);
    byte[] a = new byte[40];
    byte[] b = new byte[40];
    byte[] c = new byte[40];
    spares.give(java.util.List.of(a, b));
    spares.give(java.util.List.of(c, new byte[101])); // a goes; the 101 bytes are not kept
    assertThat(spares.bytes()).isEqualTo(80);
    assertThat(spares.take(40)).isSameAs(c);
    assertThat(spares.take(40)).isSameAs(b);
    assertThat(spares.take(40)).isNull();
    assertThat(spares.bytes()).isZero();
  }

  @Test
  void limitsWithoutAPoolAllocateAsBefore() throws DecodeException {
    PixelArray a = PixelArray.allocate(DecodeLimits.defaults(), DType.UINT8, 8);
    assertThat(backing(a)).containsOnly(0).hasSize(8);
  }
}
