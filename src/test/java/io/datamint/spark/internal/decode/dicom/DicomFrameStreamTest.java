package io.datamint.spark.internal.decode.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelArray;
import io.datamint.spark.internal.decode.DecodedResource;
import io.datamint.spark.internal.decode.FrameStream;
import io.datamint.spark.testing.TestCorpus;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A multi-frame DICOM decoded one frame at a time (issue 14) gives, frame by frame, exactly the
 * bytes of the whole decoded array (same dtype, rescale, LUT, color steps), for every multi-frame
 * file of the corpus and for generated files of every transfer syntax the tests can write; skipped
 * frames decode nothing; MONOCHROME1 of several frames is not streamed.
 */
@Tag("spark-independent")
class DicomFrameStreamTest {

  private static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
  private static final String IMPLICIT_LE = "1.2.840.10008.1.2";
  private static final String EXPLICIT_BE = "1.2.840.10008.1.2.2";
  private static final String DEFLATED = "1.2.840.10008.1.2.1.99";
  private static final DicomDecoder DECODER = new DicomDecoder();
  private static final int FRAMES = 5;
  private static final int ROWS = 6;
  private static final int COLUMNS = 8;

  /**
   * The frames streamed equal the whole decode's frames, byte for byte; false when not streamed.
   */
  private static boolean assertStreamsAsWhole(String name, byte[] file) throws DecodeException {
    DecodeLimits limits = DecodeLimits.defaults();
    DecodedResource whole = DECODER.decode(file, file.length, limits);
    PixelArray all = whole.pixels();
    int n = all.dim(0);
    int frameBytes = (int) (all.elementCount() * all.dtype().itemSize() / n);
    try (FrameStream stream = DECODER.frames(file, file.length, limits)) {
      if (stream == null) {
        return false;
      }
      assertThat(stream.frameCount()).as(name).isEqualTo(n);
      assertThat(stream.affine()).as(name + " affine").isEqualTo(whole.affine());
      for (int f = 0; f < n; f++) {
        assertThat(stream.position()).isEqualTo(f);
        PixelArray frame = stream.next();
        assertThat(frame).as(name + " frame " + f).isNotNull();
        assertThat(frame.dtype()).as(name).isEqualTo(all.dtype());
        assertThat(frame.shape()).as(name).containsExactly(all.dim(1), all.dim(2), all.dim(3));
        assertThat(bytes(frame)).as(name + " frame " + f).isEqualTo(frameBytes(all, f, frameBytes));
      }
      assertThat(stream.next()).isNull();
      assertThat(stream.skip()).isFalse();
    }
    // skipping decodes nothing and lands on the right frame
    try (FrameStream stream = DECODER.frames(file, file.length, limits)) {
      for (int f = 0; f < n - 1; f++) {
        assertThat(stream.skip()).isTrue();
      }
      assertThat(bytes(stream.next()))
          .as(name + " last frame after skips")
          .isEqualTo(frameBytes(all, n - 1, frameBytes));
    }
    return true;
  }

  private static byte[] bytes(PixelArray a) {
    ByteBuffer b = a.data().duplicate();
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }

  private static byte[] frameBytes(PixelArray all, int f, int frameBytes) {
    byte[] whole = bytes(all);
    return Arrays.copyOfRange(whole, f * frameBytes, (f + 1) * frameBytes);
  }

  @Test
  void everyMultiFrameCorpusFileStreamsItsWholeDecodeFrames() throws Exception {
    List<String> streamed = new ArrayList<>();
    List<String> notStreamed = new ArrayList<>();
    try (Stream<Path> files = Files.list(TestCorpus.dir("dicom"))) {
      for (Path path : files.sorted().toList()) {
        byte[] file = Files.readAllBytes(path);
        DecodedResource whole;
        try {
          whole = DECODER.decode(file, file.length, DecodeLimits.defaults());
        } catch (DecodeException notAnImage) {
          continue; // no pixel data, truncated, ...: the stream fails as the whole decode
        }
        if (whole.pixels().dim(0) < 2) {
          continue;
        }
        String name = path.getFileName().toString();
        (assertStreamsAsWhole(name, file) ? streamed : notStreamed).add(name);
      }
    }
    // the corpus's multi-frame files: RT dose (native, RLE, big endian), 2-frame RGB RLE
    assertThat(streamed)
        .contains(
            "pydicom__rtdose.dcm",
            "pydicom__rtdose_rle.dcm",
            "pydicom__rtdose_expb.dcm",
            "pydicom__SC_rgb_rle_2frame.dcm",
            "pydicom__SC_rgb_rle_16bit_2frame.dcm",
            "pydicom__SC_rgb_rle_32bit_2frame.dcm");
    assertThat(notStreamed).isEmpty();
  }

  @Test
  void generatedMultiFrameFilesOfEveryTransferSyntaxStreamTheirWholeDecodeFrames()
      throws Exception {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("explicit LE int16 rescaled", nativeFile(EXPLICIT_LE, 16, 12, 1, 1, "MONOCHROME2"));
    files.put("implicit LE uint16", nativeFile(IMPLICIT_LE, 16, 16, 0, 1, "MONOCHROME2"));
    files.put("explicit BE int16", nativeFile(EXPLICIT_BE, 16, 16, 1, 1, "MONOCHROME2"));
    files.put("explicit LE uint32", nativeFile(EXPLICIT_LE, 32, 32, 0, 1, "MONOCHROME2"));
    files.put("explicit LE 1-bit", nativeFile(EXPLICIT_LE, 1, 1, 0, 1, "MONOCHROME2"));
    files.put("explicit LE RGB", nativeFile(EXPLICIT_LE, 8, 8, 0, 3, "RGB"));
    files.put("explicit LE RGB planar", nativeFile(EXPLICIT_LE, 8, 8, 0, -3, "RGB"));
    files.put("explicit LE YBR_FULL", nativeFile(EXPLICIT_LE, 8, 8, 0, 3, "YBR_FULL"));
    files.put("explicit LE YBR_FULL_422", nativeFile(EXPLICIT_LE, 8, 8, 0, 3, "YBR_FULL_422"));
    files.put("explicit LE palette", nativeFile(EXPLICIT_LE, 8, 8, 0, 1, "PALETTE COLOR"));
    files.put("explicit LE modality LUT", nativeFile(EXPLICIT_LE, 8, 8, 0, 1, "MODALITY LUT"));
    files.put("deflated", deflated(nativeFile(EXPLICIT_LE, 16, 12, 1, 1, "MONOCHROME2")));
    files.put("gzip", DicomBytes.gzip(nativeFile(EXPLICIT_LE, 16, 16, 0, 1, "MONOCHROME2")));
    files.put("RLE uint8", rle(8, 1));
    files.put("RLE int16", rle(16, 1));
    files.put("RLE RGB", rle(8, 3));
    files.put("JPEG baseline gray", imageIo("jpeg", EncapsulatedCodecs.JPEG_BASELINE, false));
    files.put("JPEG baseline RGB", imageIo("jpeg", EncapsulatedCodecs.JPEG_BASELINE, true));
    files.put("JPEG 2000 gray", imageIo("jpeg2000", EncapsulatedCodecs.JPEG_2000_LOSSLESS, false));
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      byte[] bytes = file.getValue();
      assertThat(DECODER.decode(bytes, bytes.length, DecodeLimits.defaults()).pixels().dim(0))
          .as(file.getKey())
          .isEqualTo(FRAMES);
      assertThat(assertStreamsAsWhole(file.getKey(), bytes)).as(file.getKey()).isTrue();
    }
  }

  @Test
  void monochrome1InvertsOverAllFramesSoOnlyASingleFrameStreams() throws Exception {
    byte[] several = nativeFile(EXPLICIT_LE, 8, 8, 0, 1, "MONOCHROME1");
    assertThat(DECODER.frames(several, several.length, DecodeLimits.defaults())).isNull();
    byte[] one = nativeFile(EXPLICIT_LE, 8, 8, 0, 1, "MONOCHROME1", 1);
    // one frame: inverted over its own minimum and maximum, as the whole decode does
    assertThat(assertStreamsAsWhole("MONOCHROME1 one frame", one)).isTrue();
  }

  @Test
  void eachFrameIsBoundedByTheLimitNotTheWholeFile() throws Exception {
    byte[] file = nativeFile(EXPLICIT_LE, 16, 16, 0, 1, "MONOCHROME2");
    DecodeLimits oneFrame = new DecodeLimits(ROWS * COLUMNS * 8 + 16); // float64 after rescale
    assertThatThrownBy(() -> DECODER.decode(file, file.length, oneFrame))
        .hasMessageContaining("max_decoded_bytes");
    try (FrameStream stream = DECODER.frames(file, file.length, oneFrame)) {
      int frames = 0;
      while (stream.next() != null) {
        frames++;
      }
      assertThat(frames).isEqualTo(FRAMES);
    }
  }

  // ---- generated files

  private static byte[] nativeFile(
      String syntax, int allocated, int stored, int signed, int samples, String photometric)
      throws IOException {
    return nativeFile(syntax, allocated, stored, signed, samples, photometric, FRAMES);
  }

  /**
   * A native multi-frame file; {@code samples} -3 is planar RGB; photometric "MODALITY LUT" is
   * MONOCHROME2 with a Modality LUT Sequence; 16-bit monochrome files get a rescale.
   */
  private static byte[] nativeFile(
      String syntax,
      int allocated,
      int stored,
      int signed,
      int samples,
      String photometric,
      int frames)
      throws IOException {
    boolean lutItem = photometric.equals("MODALITY LUT");
    String pi = lutItem ? "MONOCHROME2" : photometric;
    int spp = Math.abs(samples);
    DicomBytes b =
        EXPLICIT_BE.equals(syntax)
            ? DicomBytes.explicitBig()
            : IMPLICIT_LE.equals(syntax)
                ? DicomBytes.implicitLittle()
                : DicomBytes.explicitLittle();
    header(b, pi, spp, samples < 0 ? 1 : 0, frames, allocated, stored, signed);
    if (allocated == 16 && spp == 1) {
      b.string(Tags.RESCALE_INTERCEPT, "DS", "-1024").string(Tags.RESCALE_SLOPE, "DS", "0.5");
    }
    if (pi.equals("PALETTE COLOR")) {
      for (int tag :
          new int[] {
            Tags.RED_PALETTE_DESCRIPTOR, Tags.GREEN_PALETTE_DESCRIPTOR, Tags.BLUE_PALETTE_DESCRIPTOR
          }) {
        b.us(tag, 256, 0, 16);
      }
      for (int c = 0; c < 3; c++) {
        int[] lut = new int[256];
        for (int i = 0; i < 256; i++) {
          lut[i] = (i * (97 + 31 * c)) & 0xFFFF;
        }
        b.us(Tags.RED_PALETTE_DATA + c, lut);
      }
    }
    if (lutItem) {
      DicomBytes item = b.same().us(Tags.LUT_DESCRIPTOR, 200, 10, 16);
      int[] lut = new int[200];
      for (int i = 0; i < lut.length; i++) {
        lut[i] = 3000 - 7 * i;
      }
      item.us(Tags.LUT_DATA, lut);
      b.sequence(Tags.MODALITY_LUT_SEQUENCE, false, false, item);
    }
    byte[] pixels = samplesOf(allocated, stored, spp, frames, pi.equals("YBR_FULL_422"));
    if (EXPLICIT_BE.equals(syntax) && allocated == 16) {
      for (int i = 0; i + 1 < pixels.length; i += 2) {
        byte t = pixels[i];
        pixels[i] = pixels[i + 1];
        pixels[i + 1] = t;
      }
    }
    if (EXPLICIT_BE.equals(syntax) && allocated == 32) {
      throw new IllegalArgumentException("not generated");
    }
    b.element(Tags.PIXEL_DATA, allocated > 8 ? "OW" : "OB", pixels);
    return DicomBytes.part10(syntax, b.toBytes());
  }

  private static void header(
      DicomBytes b,
      String photometric,
      int spp,
      int planar,
      int frames,
      int allocated,
      int stored,
      int signed) {
    b.string(Tags.SOP_CLASS_UID, "UI", "1.2.840.10008.5.1.4.1.1.7.2")
        .string(Tags.MODALITY, "CS", "OT")
        .us(Tags.SAMPLES_PER_PIXEL, spp)
        .string(Tags.PHOTOMETRIC_INTERPRETATION, "CS", photometric);
    if (spp > 1) {
      b.us(Tags.PLANAR_CONFIGURATION, planar);
    }
    b.string(Tags.NUMBER_OF_FRAMES, "IS", Integer.toString(frames))
        .us(Tags.ROWS, ROWS)
        .us(Tags.COLUMNS, COLUMNS)
        .us(Tags.BITS_ALLOCATED, allocated)
        .us(Tags.BITS_STORED, stored)
        .us(Tags.HIGH_BIT, stored - 1)
        .us(Tags.PIXEL_REPRESENTATION, signed);
  }

  /** Little-endian native samples that differ from frame to frame (and garbage in unused bits). */
  private static byte[] samplesOf(int allocated, int stored, int spp, int frames, boolean ybr422) {
    int perFrame = ROWS * COLUMNS * (ybr422 ? 2 : spp);
    if (allocated == 1) {
      byte[] bits = new byte[(frames * perFrame + 7) / 8 + 1 & ~1];
      for (int i = 0; i < frames * perFrame; i++) {
        if ((i * 7 + i / perFrame) % 3 == 0) {
          bits[i >>> 3] |= (byte) (1 << (i & 7));
        }
      }
      return bits;
    }
    int bytes = allocated / 8;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int f = 0; f < frames; f++) {
      for (int i = 0; i < perFrame; i++) {
        long v = (i * 2654435761L + f * 40503L) >>> 3;
        for (int k = 0; k < bytes; k++) {
          out.write((int) (v >>> (8 * k)));
        }
      }
    }
    byte[] pixels = out.toByteArray();
    return pixels.length % 2 == 0 ? pixels : Arrays.copyOf(pixels, pixels.length + 1);
  }

  private static byte[] deflated(byte[] explicitLittle) {
    // the data set after the meta group, deflated, under the deflated transfer syntax
    byte[] dataset = datasetOf(explicitLittle);
    byte[] file = DicomBytes.part10(DEFLATED, new byte[0]);
    byte[] deflated = DicomBytes.deflate(dataset);
    byte[] out = Arrays.copyOf(file, file.length + deflated.length);
    System.arraycopy(deflated, 0, out, file.length, deflated.length);
    return out;
  }

  private static byte[] datasetOf(byte[] part10) {
    byte[] empty = DicomBytes.part10(EXPLICIT_LE, new byte[0]);
    return Arrays.copyOfRange(part10, empty.length, part10.length);
  }

  /** An RLE Lossless file: literal runs only, one segment per sample byte, frames with a table. */
  private static byte[] rle(int allocated, int spp) throws IOException {
    DicomBytes b = DicomBytes.explicitLittle();
    header(b, spp == 3 ? "RGB" : "MONOCHROME2", spp, 0, FRAMES, allocated, allocated, 0);
    if (allocated == 16) {
      b.string(Tags.RESCALE_INTERCEPT, "DS", "-1024").string(Tags.RESCALE_SLOPE, "DS", "0.5");
    }
    byte[] pixels = samplesOf(allocated, allocated, spp, FRAMES, false);
    int bytes = allocated / 8;
    int pixelsPerFrame = ROWS * COLUMNS;
    List<byte[]> frames = new ArrayList<>();
    for (int f = 0; f < FRAMES; f++) {
      ByteArrayOutputStream frame = new ByteArrayOutputStream();
      int segments = spp * bytes;
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      long[] offsets = new long[15];
      for (int s = 0; s < spp; s++) {
        for (int k = bytes - 1; k >= 0; k--) { // most significant byte first
          offsets[s * bytes + (bytes - 1 - k)] = 64 + body.size();
          byte[] segment = new byte[pixelsPerFrame];
          for (int p = 0; p < pixelsPerFrame; p++) {
            segment[p] = pixels[((f * pixelsPerFrame + p) * spp + s) * bytes + k];
          }
          for (int at = 0; at < segment.length; at += 128) {
            int run = Math.min(128, segment.length - at);
            body.write(run - 1);
            body.write(segment, at, run);
          }
        }
      }
      DicomBytes head = DicomBytes.explicitLittle().u32(segments);
      for (long offset : offsets) {
        head.u32(offset);
      }
      frame.writeBytes(head.toBytes());
      frame.writeBytes(body.toByteArray());
      frames.add(even(frame.toByteArray()));
    }
    return encapsulated(b, EncapsulatedCodecs.RLE_LOSSLESS, frames);
  }

  /** A JPEG or JPEG 2000 file of frames encoded by the JDK's or jai-imageio's ImageIO writer. */
  private static byte[] imageIo(String format, String syntax, boolean rgb) throws IOException {
    DicomBytes b = DicomBytes.explicitLittle();
    header(b, rgb ? "YBR_FULL_422" : "MONOCHROME2", rgb ? 3 : 1, 0, FRAMES, 8, 8, 0);
    List<byte[]> frames = new ArrayList<>();
    for (int f = 0; f < FRAMES; f++) {
      BufferedImage image =
          new BufferedImage(
              COLUMNS, ROWS, rgb ? BufferedImage.TYPE_3BYTE_BGR : BufferedImage.TYPE_BYTE_GRAY);
      for (int y = 0; y < image.getHeight(); y++) {
        for (int x = 0; x < image.getWidth(); x++) {
          int v = (x * 20 + y * 9 + f * 37) & 0xFF;
          image.setRGB(x, y, rgb ? (v << 16) | ((255 - v) << 8) | (f * 40) : v * 0x010101);
        }
      }
      Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
      assertThat(writers.hasNext()).as("an ImageIO writer for " + format).isTrue();
      ImageWriter writer = writers.next();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
        writer.setOutput(stream);
        writer.write(image);
      } finally {
        writer.dispose();
      }
      frames.add(even(out.toByteArray()));
    }
    return encapsulated(b, syntax, frames);
  }

  private static byte[] encapsulated(DicomBytes b, String syntax, List<byte[]> frames) {
    int[] table = new int[frames.size()];
    int at = 0;
    for (int f = 0; f < frames.size(); f++) {
      table[f] = at;
      at += 8 + frames.get(f).length;
    }
    b.encapsulated(table, frames.toArray(new byte[0][]));
    return DicomBytes.part10(syntax, b.toBytes());
  }

  private static byte[] even(byte[] bytes) {
    return bytes.length % 2 == 0 ? bytes : Arrays.copyOf(bytes, bytes.length + 1);
  }
}
