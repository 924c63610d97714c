package io.datamint.spark.internal.decode.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.testing.ExternalTool;
import io.datamint.spark.testing.TestCorpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test corpus and DCMTK as the reference: cuts the encapsulated JPEG fragments out of DICOM
 * files with {@code dcmdump +W} (which writes the value of every pixel data item to {@code
 * DIR/<file>.<n>.raw}, item 0 being the Basic Offset Table), decompresses with {@code dcmdjpls} /
 * {@code dcmdjpeg}, and reads native pixel data the same way.
 */
final class Dcmtk {

  private static final Duration TIMEOUT = Duration.ofSeconds(120);
  private static final Pattern ITEM = Pattern.compile("^  \\(fffe,e000\\) pi =(\\S+)");
  private static final Pattern NATIVE = Pattern.compile("^\\(7fe0,0010\\) O[BW] =(\\S+)");

  private Dcmtk() {}

  /** A DICOM file of the test corpus; skips the test when it is absent (fails on CI). */
  static Path corpusFile(String name) {
    return TestCorpus.file("dicom/" + name);
  }

  /** Skips (fails on CI) unless the DCMTK tools used here are installed. */
  static void assumeInstalled(String... tools) {
    for (String tool : tools) {
      ExternalTool.assumeAvailable(tool, "apt-get install dcmtk");
    }
  }

  /** Runs a tool and fails the test on a non-zero exit. */
  static void run(String... command) {
    ExternalTool.run(TIMEOUT, command).assertSuccess();
  }

  /**
   * The items of the top-level encapsulated pixel data: element 0 is the Basic Offset Table
   * (possibly empty), the others the fragments in order.
   */
  static List<byte[]> items(Path dicom, Path work) {
    assumeInstalled("dcmdump");
    Path dir = freshDir(work, "items");
    String out =
        ExternalTool.run(TIMEOUT, "dcmdump", "+L", "+W", dir.toString(), dicom.toString())
            .assertSuccess()
            .stdout();
    List<byte[]> items = new ArrayList<>();
    boolean inPixelData = false;
    for (String line : out.split("\n")) {
      if (line.startsWith("(7fe0,0010) OB (PixelSequence")) {
        inPixelData = true;
      } else if (inPixelData && line.startsWith("(fffe,e0dd)")) {
        break;
      } else if (inPixelData) {
        Matcher m = ITEM.matcher(line);
        if (m.find()) {
          items.add(read(Path.of(m.group(1))));
        }
      }
    }
    assertThat(items).as("pixel data items of " + dicom).hasSizeGreaterThan(1);
    return items;
  }

  /**
   * The codestream of one frame: the fragments between the frame's Basic Offset Table entry and the
   * next one, or all fragments when the table is empty (single-frame files).
   */
  static byte[] frame(Path dicom, int frame, Path work) {
    List<byte[]> items = items(dicom, work);
    byte[] bot = items.get(0);
    List<byte[]> fragments = items.subList(1, items.size());
    if (bot.length == 0) {
      assertThat(frame).as("frame of a file without offset table").isZero();
      return concat(fragments);
    }
    ByteBuffer offsets = ByteBuffer.wrap(bot).order(ByteOrder.LITTLE_ENDIAN);
    long start = Integer.toUnsignedLong(offsets.getInt(4 * frame));
    long stop =
        4 * (frame + 1) < bot.length
            ? Integer.toUnsignedLong(offsets.getInt(4 * (frame + 1)))
            : Long.MAX_VALUE;
    List<byte[]> selected = new ArrayList<>();
    long position = 0; // offsets count from the first fragment's item tag, 8 header bytes per item
    for (byte[] fragment : fragments) {
      if (position >= start && position < stop) {
        selected.add(fragment);
      }
      position += 8 + fragment.length;
    }
    return concat(selected);
  }

  /** The native (uncompressed) pixel data, as stored: little-endian words for 16-bit data. */
  static byte[] nativePixelData(Path dicom, Path work) {
    assumeInstalled("dcmdump");
    Path dir = freshDir(work, "native");
    String out =
        ExternalTool.run(TIMEOUT, "dcmdump", "+L", "+W", dir.toString(), dicom.toString())
            .assertSuccess()
            .stdout();
    for (String line : out.split("\n")) {
      Matcher m = NATIVE.matcher(line);
      if (m.find()) {
        return read(Path.of(m.group(1)));
      }
    }
    throw new AssertionError("no native pixel data in " + dicom + ":\n" + out);
  }

  /** Decompresses with {@code tool} (dcmdjpls, dcmdjpeg...) and returns the native pixel data. */
  static byte[] reference(String tool, Path dicom, Path work, String... options) {
    assumeInstalled(tool, "dcmdump");
    Path out = work.resolve(tool + "-" + dicom.getFileName());
    List<String> command = new ArrayList<>();
    command.add(tool);
    command.addAll(List.of(options));
    command.add(dicom.toString());
    command.add(out.toString());
    ExternalTool.run(TIMEOUT, command).assertSuccess();
    return nativePixelData(out, work);
  }

  /** Unsigned samples of native pixel data with {@code bytesPerSample} 1 or 2 (little-endian). */
  static int[] samples(byte[] pixelData, int bytesPerSample, int count) {
    assertThat(pixelData.length)
        .as("native pixel data bytes")
        .isGreaterThanOrEqualTo(count * bytesPerSample);
    int[] v = new int[count];
    for (int i = 0; i < count; i++) {
      v[i] =
          bytesPerSample == 1
              ? pixelData[i] & 0xFF
              : (pixelData[2 * i] & 0xFF) | (pixelData[2 * i + 1] & 0xFF) << 8;
    }
    return v;
  }

  /** The decoded samples as unsigned ints. */
  static int[] samples(JpegSamples s) {
    int[] v = new int[s.samples().length];
    for (int i = 0; i < v.length; i++) {
      v[i] = s.samples()[i] & 0xFFFF;
    }
    return v;
  }

  /** The largest absolute difference between two sample arrays of equal length. */
  static int maxAbsDiff(int[] a, int[] b) {
    assertThat(a).hasSameSizeAs(b);
    int max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs(a[i] - b[i]));
    }
    return max;
  }

  private static byte[] concat(List<byte[]> parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] all = new byte[n];
    int o = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, all, o, p.length);
      o += p.length;
    }
    return all;
  }

  private static Path freshDir(Path work, String prefix) {
    try {
      return Files.createTempDirectory(work, prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
