package io.datamint.spark.internal.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * ISA-L's inflate accepts a zlib stream only when zlib would inflate it to the same bytes without
 * an error; it loads where GKL ships natives (Linux x86_64 here, as on CI).
 */
@Tag("spark-independent")
class IsalInflateTest {

  private static final byte[] DATA = data();

  private static byte[] data() {
    // compressible but not trivial: runs and noise, as image rows
    Random random = new Random(5);
    byte[] b = new byte[300_000];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (random.nextInt(8) < 6 ? i / 97 : random.nextInt(256));
    }
    return b;
  }

  private static byte[] zlib(byte[] data, int level) {
    Deflater deflater = new Deflater(level);
    deflater.setInput(data);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return out.toByteArray();
  }

  private static boolean inflate(byte[] stream, int size) {
    byte[] out = new byte[size + 1];
    boolean ok = IsalInflate.inflateZlib(stream, 0, stream.length, out, size);
    if (ok) {
      assertThat(Arrays.mismatch(Arrays.copyOf(out, size), Arrays.copyOf(DATA, size)))
          .as("first byte that differs from the deflated data")
          .isEqualTo(-1);
    }
    return ok;
  }

  @Test
  void loadsOnLinuxX86() {
    String arch = System.getProperty("os.arch");
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    assumeTrue(os.startsWith("linux") && (arch.equals("amd64") || arch.equals("x86_64")));
    assertThat(IsalInflate.available()).as("GKL's ISA-L natives load on Linux x86_64").isTrue();
  }

  @Test
  void completeStreamsOfEveryLevelInflateToTheirBytes() {
    assumeTrue(IsalInflate.available());
    for (int level = 0; level <= 9; level++) {
      assertThat(inflate(zlib(DATA, level), DATA.length)).as("level " + level).isTrue();
    }
    // at an offset in a larger array, as a PNG's single IDAT chunk
    byte[] stream = zlib(DATA, 6);
    byte[] file = new byte[stream.length + 20];
    System.arraycopy(stream, 0, file, 7, stream.length);
    byte[] out = new byte[DATA.length + 1];
    assertThat(IsalInflate.inflateZlib(file, 7, stream.length, out, DATA.length)).isTrue();
    assertThat(Arrays.copyOf(out, DATA.length)).isEqualTo(DATA);
  }

  @Test
  void anythingZlibWouldNotInflateAsIsIsRefused() {
    assumeTrue(IsalInflate.available());
    byte[] stream = zlib(DATA, 6);
    // another size than the stream's: fewer bytes expected, or more
    assertThat(inflate(stream, DATA.length - 1)).isFalse();
    assertThat(
            IsalInflate.inflateZlib(
                stream, 0, stream.length, new byte[DATA.length + 2], DATA.length + 1))
        .isFalse();
    // cut anywhere
    for (int cut :
        new int[] {0, 1, 2, 5, 6, stream.length / 2, stream.length - 4, stream.length - 1}) {
      assertThat(inflate(Arrays.copyOf(stream, cut), DATA.length)).as("cut to " + cut).isFalse();
    }
    // a byte after the checksum
    assertThat(inflate(Arrays.copyOf(stream, stream.length + 1), DATA.length)).isFalse();
    // a wrong checksum
    byte[] badSum = stream.clone();
    badSum[badSum.length - 1] ^= 1;
    assertThat(inflate(badSum, DATA.length)).isFalse();
    // headers zlib refuses: another method, a window over 32 KiB, wrong check bits, a dictionary
    for (int[] header : new int[][] {{0x79, 0x9C}, {0x88, 0x98}, {0x78, 0x9D}, {0x78, 0xBB}}) {
      byte[] bad = stream.clone();
      bad[0] = (byte) header[0];
      bad[1] = (byte) header[1];
      assertThat(inflate(bad, DATA.length)).as("header %x %x", header[0], header[1]).isFalse();
    }
    // flipped bits in the deflate data: refused, or (rarely) the same bytes with the right checksum
    Random random = new Random(9);
    for (int i = 0; i < 200; i++) {
      byte[] bad = stream.clone();
      bad[2 + random.nextInt(bad.length - 6)] ^= (byte) (1 << random.nextInt(8));
      inflate(bad, DATA.length); // asserts the bytes when it accepts
    }
  }

  private static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }

  private static boolean inflateGzip(byte[] file, int size) {
    byte[] out = new byte[size + 1];
    boolean ok = IsalInflate.inflateGzip(file, file.length, out, size);
    if (ok) {
      assertThat(Arrays.copyOf(out, size)).isEqualTo(Arrays.copyOf(DATA, size));
    }
    return ok;
  }

  @Test
  void oneGzipMemberOfTheSizeInflatesAnythingElseIsRefused() {
    assumeTrue(IsalInflate.available());
    byte[] member = gzip(DATA);
    assertThat(inflateGzip(member, DATA.length)).isTrue();
    // with FEXTRA, FNAME and FCOMMENT fields, as gzip and nibabel may write
    byte[] fields = {4, 0, 'a', 'b', 'c', 'd', 'x', '.', 'n', 'i', 'i', 0, 'h', 'i', 0};
    byte[] named = new byte[member.length + fields.length];
    System.arraycopy(member, 0, named, 0, 10);
    named[3] = 0x04 | 0x08 | 0x10;
    System.arraycopy(fields, 0, named, 10, fields.length);
    System.arraycopy(member, 10, named, 10 + fields.length, member.length - 10);
    assertThat(inflateGzip(named, DATA.length)).as("FEXTRA, FNAME, FCOMMENT").isTrue();
    // the JDK's reader for: another size, two members, cut, bad CRC or ISIZE, a header CRC
    assertThat(inflateGzip(member, DATA.length - 1)).isFalse();
    byte[] two = Arrays.copyOf(member, 2 * member.length);
    System.arraycopy(member, 0, two, member.length, member.length);
    assertThat(inflateGzip(two, DATA.length)).as("two members").isFalse();
    for (int cut : new int[] {0, 10, 18, member.length / 2, member.length - 8, member.length - 1}) {
      assertThat(inflateGzip(Arrays.copyOf(member, cut), DATA.length))
          .as("cut to " + cut)
          .isFalse();
    }
    for (int at : new int[] {member.length - 8, member.length - 1}) {
      byte[] bad = member.clone();
      bad[at] ^= 1;
      assertThat(inflateGzip(bad, DATA.length)).as("trailer byte " + at).isFalse();
    }
    byte[] headerCrc = member.clone();
    headerCrc[3] = 0x02;
    assertThat(inflateGzip(headerCrc, DATA.length)).as("FHCRC").isFalse();
  }
}
