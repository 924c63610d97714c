package io.datamint.spark.internal.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.error.DecodeException;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Whole files are read into one bounded array, sized by real lengths only, never by metadata. */
class FileBytesTest {

  private static byte[] data(int n) {
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      out[i] = (byte) i;
    }
    return out;
  }

  /** A stream that gives at most 1,000 bytes per read, as network streams do. */
  private static InputStream trickle(byte[] data) {
    return new FilterInputStream(new ByteArrayInputStream(data)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, 1000));
      }
    };
  }

  @Test
  void anUnknownLengthGrowsFromASmallBuffer() throws IOException {
    byte[] data = data(300_000);
    ResourceFileStore.FileBytes read = ResourceFileStore.read(trickle(data), -1, 1 << 20);
    assertThat(read.length()).isEqualTo(data.length);
    assertThat(read.bytes().length).isLessThanOrEqualTo(1 << 19); // 64 KiB doubled, not 1 MiB
    assertThat(Arrays.copyOf(read.bytes(), read.length())).isEqualTo(data);
  }

  @Test
  void aKnownLengthIsReadIntoOneArrayOfThatLength() throws IOException {
    byte[] data = data(300_000);
    ResourceFileStore.FileBytes read = ResourceFileStore.read(trickle(data), data.length, 1 << 20);
    assertThat(read.length()).isEqualTo(data.length);
    assertThat(read.bytes()).hasSize(data.length + 1);
    // a wrong known length (shorter or longer than the stream) still reads the stream exactly
    assertThat(ResourceFileStore.read(trickle(data), 10, 1 << 20).length()).isEqualTo(300_000);
    assertThat(ResourceFileStore.read(trickle(data), 500_000, 1 << 20).length()).isEqualTo(300_000);
  }

  @Test
  void aStreamAboveTheBoundIsAnError() throws IOException {
    byte[] data = data(5000);
    assertThat(ResourceFileStore.read(trickle(data), -1, 5000).length()).isEqualTo(5000);
    assertThatThrownBy(() -> ResourceFileStore.read(trickle(data), -1, 4999))
        .isInstanceOf(DecodeException.class)
        .hasMessage("the resource file is larger than 4999 bytes");
    assertThatThrownBy(() -> ResourceFileStore.read(trickle(data), 5000, 4999))
        .isInstanceOf(DecodeException.class);
  }

  @Test
  void noReadCallAsksForMoreThanAChunk() throws IOException {
    // a FileInputStream mallocs a native buffer of each call's length: one call for a whole
    // 300 MB file would hold the file twice
    byte[] data = data(3 * ResourceFileStore.READ_CHUNK + 17);
    int[] largest = {0};
    InputStream recording =
        new FilterInputStream(new ByteArrayInputStream(data)) {
          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            largest[0] = Math.max(largest[0], len);
            return super.read(b, off, len);
          }
        };
    ResourceFileStore.FileBytes read =
        ResourceFileStore.read(recording, data.length, Integer.MAX_VALUE - 1024);
    assertThat(read.length()).isEqualTo(data.length);
    assertThat(Arrays.copyOf(read.bytes(), read.length())).isEqualTo(data);
    assertThat(largest[0]).isEqualTo(ResourceFileStore.READ_CHUNK);
  }
}
