package io.datamint.spark.internal.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.SplittableRandom;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The in-place stream behaves as the JDK's caching stream over the same bytes, and knows its
 * length.
 */
@Tag("spark-independent")
class MemoryImageInputStreamTest {

  @Test
  void randomOperationsGiveWhatTheJdksStreamGives() throws IOException {
    SplittableRandom random = new SplittableRandom(7);
    byte[] backing = new byte[300];
    random.nextBytes(backing);
    int offset = 17;
    int length = 250;
    for (int run = 0; run < 200; run++) {
      ImageInputStream ours = new MemoryImageInputStream(backing, offset, length);
      ImageInputStream jdks =
          new MemoryCacheImageInputStream(
              new ByteArrayInputStream(Arrays.copyOfRange(backing, offset, offset + length)));
      StringBuilder trace = new StringBuilder();
      for (int op = 0; op < 40; op++) {
        int kind = random.nextInt(8);
        trace.append(kind).append(' ');
        String description = "run " + run + ", operations " + trace;
        switch (kind) {
          case 0 -> assertThat(ours.read()).as(description).isEqualTo(jdks.read());
          case 1 -> {
            int n = random.nextInt(40);
            byte[] a = new byte[n + 3];
            byte[] b = new byte[n + 3];
            assertThat(ours.read(a, 2, n)).as(description).isEqualTo(jdks.read(b, 2, n));
            assertThat(a).as(description).isEqualTo(b);
          }
          case 2 -> {
            long to = random.nextInt(length + 20);
            ours.seek(to);
            jdks.seek(to);
          }
          case 3 -> {
            int bits = 1 + random.nextInt(20);
            assertThat(readBits(ours, bits)).as(description).isEqualTo(readBits(jdks, bits));
          }
          case 4 -> {
            ByteOrder order = random.nextBoolean() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            ours.setByteOrder(order);
            jdks.setByteOrder(order);
            assertThat(readInt(ours)).as(description).isEqualTo(readInt(jdks));
          }
          case 5 -> {
            int n = random.nextInt(30);
            assertThat(ours.skipBytes(n)).as(description).isEqualTo(jdks.skipBytes(n));
          }
          case 6 -> {
            ours.mark();
            jdks.mark();
          }
          default -> {
            ours.reset();
            jdks.reset();
          }
        }
        assertThat(ours.getStreamPosition()).as(description).isEqualTo(jdks.getStreamPosition());
        assertThat(ours.getBitOffset()).as(description).isEqualTo(jdks.getBitOffset());
      }
      assertThat(ours.length()).isEqualTo(length);
    }
  }

  @Test
  void readsTheRangeOnlyAndEndsThere() throws IOException {
    byte[] data = {9, 1, 2, 3, 9};
    MemoryImageInputStream in = new MemoryImageInputStream(data, 1, 3);
    byte[] buffer = new byte[10];
    assertThat(in.read(buffer, 0, 10)).isEqualTo(3);
    assertThat(Arrays.copyOf(buffer, 3)).containsExactly(1, 2, 3);
    assertThat(in.read()).isEqualTo(-1);
    assertThat(in.read(buffer, 0, 10)).isEqualTo(-1);
    assertThat(in.read(buffer, 0, 0)).isZero();
    in.seek(0);
    assertThat(in.read()).isEqualTo(1);
  }

  @Test
  void refusesRangesOutsideTheArrayAndReadsAfterClose() throws IOException {
    assertThatThrownBy(() -> new MemoryImageInputStream(new byte[4], 2, 3))
        .isInstanceOf(IndexOutOfBoundsException.class);
    MemoryImageInputStream in = new MemoryImageInputStream(new byte[4]);
    in.close();
    assertThatThrownBy(in::read).isInstanceOf(IOException.class);
  }

  /** The bits, or the exception's class when reading them fails (past the end). */
  private static Object readBits(ImageInputStream in, int bits) {
    try {
      return in.readBits(bits);
    } catch (IOException e) {
      return e.getClass();
    }
  }

  private static Object readInt(ImageInputStream in) {
    try {
      return in.readInt();
    } catch (IOException e) {
      return e.getClass();
    }
  }

  @Test
  void aStreamEndingWithAnExceptionThrowsWhereTheOtherReturnsMinusOne() throws IOException {
    byte[] data = {1, 2, 3};
    MemoryImageInputStream plain = new MemoryImageInputStream(data);
    plain.seek(3);
    assertThat(plain.readPastEnd()).isFalse();
    assertThat(plain.read()).isEqualTo(-1);
    assertThat(plain.readPastEnd()).isTrue();

    MemoryImageInputStream strict = MemoryImageInputStream.endingWithException(data);
    assertThat(strict.read()).isEqualTo(1);
    byte[] two = new byte[2];
    assertThat(strict.read(two, 0, 2)).isEqualTo(2);
    assertThat(strict.readPastEnd()).as("reading exactly to the end is not past it").isFalse();
    assertThatThrownBy(strict::read)
        .isInstanceOf(java.io.EOFException.class)
        .hasMessage("the data ends at byte 3");
    assertThat(strict.readPastEnd()).isTrue();
  }

  @Test
  void aShortBulkReadIsPastTheEnd() throws IOException {
    MemoryImageInputStream stream = new MemoryImageInputStream(new byte[] {1, 2, 3});
    assertThat(stream.read(new byte[5], 0, 5)).isEqualTo(3);
    assertThat(stream.readPastEnd()).isTrue();
  }
}
