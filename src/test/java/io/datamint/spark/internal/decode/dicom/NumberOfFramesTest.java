package io.datamint.spark.internal.decode.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelArray;
import io.datamint.spark.internal.decode.DecodedResource;
import io.datamint.spark.internal.decode.FrameStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Number of Frames (0028,0008) read as PS3.5's Integer String (issue 15): spaces around the value,
 * an empty value counted from the pixel data (native: the frames that fill it exactly;
 * encapsulated: the offset table or one fragment per frame), and a value that is not one integer of
 * 1 or more an error naming the element.
 */
@Tag("spark-independent")
class NumberOfFramesTest {

  private static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
  private static final String RLE = "1.2.840.10008.1.2.5";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DicomDecoder DECODER = new DicomDecoder();

  /** A 2 x 3 MONOCHROME2 8-bit image with {@code numberOfFrames} (null: absent) and pixel data. */
  private static DicomBytes image(String numberOfFrames) {
    DicomBytes b =
        DicomBytes.explicitLittle()
            .string(Tags.SOP_CLASS_UID, "UI", "1.2.840.10008.5.1.4.1.1.7")
            .us(Tags.SAMPLES_PER_PIXEL, 1)
            .string(Tags.PHOTOMETRIC_INTERPRETATION, "CS", "MONOCHROME2");
    if (numberOfFrames != null) {
      b.element(
          Tags.NUMBER_OF_FRAMES,
          "IS",
          numberOfFrames.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }
    return b.us(Tags.ROWS, 2)
        .us(Tags.COLUMNS, 3)
        .us(Tags.BITS_ALLOCATED, 8)
        .us(Tags.BITS_STORED, 8)
        .us(Tags.HIGH_BIT, 7)
        .us(Tags.PIXEL_REPRESENTATION, 0);
  }

  /** Native pixel data of {@code frames} frames, frame f holding the value f + 1. */
  private static byte[] nativeFile(String numberOfFrames, int frames, int padding) {
    byte[] pixels = new byte[6 * frames + padding];
    for (int i = 0; i < 6 * frames; i++) {
      pixels[i] = (byte) (i / 6 + 1);
    }
    return DicomBytes.part10(
        EXPLICIT_LE, image(numberOfFrames).element(Tags.PIXEL_DATA, "OB", pixels).toBytes());
  }

  private static DecodedResource decode(byte[] file) throws DecodeException {
    return DECODER.decode(file, file.length, DecodeLimits.defaults());
  }

  private static int[] firstOfEachFrame(PixelArray px) {
    int[] out = new int[px.dim(0)];
    for (int f = 0; f < out.length; f++) {
      out[f] = px.data().get(f * 6) & 0xFF;
    }
    return out;
  }

  @Test
  void anEmptyValueCountsTheFramesThatFillTheNativePixelData() throws Exception {
    for (String empty : new String[] {null, "", "  "}) {
      DecodedResource two = decode(nativeFile(empty, 2, 0));
      assertThat(two.pixels().shape()).as("[%s]", empty).containsExactly(2, 1, 2, 3);
      assertThat(firstOfEachFrame(two.pixels())).containsExactly(1, 2);
      JsonNode meta = JSON.readTree(two.metainfoJson());
      assertThat(meta.get("_inferred").get("NumberOfFrames").asInt()).isEqualTo(2);
    }
    // the frames one at a time too
    byte[] file = nativeFile("", 3, 0);
    try (FrameStream frames = DECODER.frames(file, file.length, DecodeLimits.defaults())) {
      assertThat(frames.frameCount()).isEqualTo(3);
    }
    // one frame: as before, and nothing said in the metainfo
    DecodedResource one = decode(nativeFile(null, 1, 0));
    assertThat(one.pixels().dim(0)).isEqualTo(1);
    assertThat(JSON.readTree(one.metainfoJson()).has("_inferred")).isFalse();
  }

  @Test
  void pixelDataThatIsNoWholeNumberOfFramesStaysOneFrame() throws Exception {
    // 6 bytes of a frame and 4 more: not a whole number of frames, so the first frame (as pydicom)
    DecodedResource padded = decode(nativeFile("", 1, 4));
    assertThat(padded.pixels().dim(0)).isEqualTo(1);
    assertThat(JSON.readTree(padded.metainfoJson()).has("_inferred")).isFalse();
  }

  @Test
  void spacesAroundTheValueAreAllowed() throws Exception {
    assertThat(decode(nativeFile(" 2 ", 2, 0)).pixels().dim(0)).isEqualTo(2);
    assertThat(decode(nativeFile("+2", 2, 0)).pixels().dim(0)).isEqualTo(2);
    assertThat(decode(nativeFile("2\0", 2, 0)).pixels().dim(0)).isEqualTo(2);
    assertThat(decode(nativeFile("2.0 ", 2, 0)).pixels().dim(0)).isEqualTo(2);
    // text that is no number at all is unreadable: the pixel data decides, as for an empty value
    DecodedResource unreadable = decode(nativeFile("1A", 2, 0));
    assertThat(unreadable.pixels().dim(0)).isEqualTo(2);
    assertThat(
            JSON.readTree(unreadable.metainfoJson()).get("_inferred").get("NumberOfFrames").asInt())
        .isEqualTo(2);
    DecodedResource declared = decode(nativeFile("2 ", 2, 0));
    assertThat(JSON.readTree(declared.metainfoJson()).has("_inferred")).isFalse();
  }

  @Test
  void aValueThatIsNotOneIntegerOfOneOrMoreIsAnErrorNamingTheElement() {
    String[][] cases = {
      {"1.5 ", "is \"1.5\", not a whole number"},
      {"-2", "is -2; an image has 1 frame or more"},
      {"0 ", "is 0; an image has 1 frame or more"},
      {"-1.0", "is -1.0; an image has 1 frame or more"},
      {"1\\2 ", "has several values (\"1\\2\")"},
    };
    for (String[] c : cases) {
      byte[] file = nativeFile(c[0], 2, 0);
      assertThatThrownBy(() -> decode(file))
          .as(c[0])
          .isInstanceOf(DecodeException.class)
          .hasMessageStartingWith("Number of Frames (0028,0008) ")
          .hasMessageContaining(c[1]);
    }
  }

  @Test
  void anEmptyValueCountsEncapsulatedFramesOnePerFragment() throws Exception {
    // one PackBits literal run of the 6 samples per frame
    byte[] frame1 = RleCodecTest.frame(new byte[] {5, 1, 1, 1, 1, 1, 1});
    byte[] frame2 = RleCodecTest.frame(new byte[] {5, 2, 2, 2, 2, 2, 2});
    DicomBytes b = image("");
    b.encapsulated(new int[0], frame1, frame2);
    byte[] file = DicomBytes.part10(RLE, b.toBytes());
    DecodedResource decoded = decode(file);
    assertThat(decoded.pixels().shape()).containsExactly(2, 1, 2, 3);
    assertThat(firstOfEachFrame(decoded.pixels())).containsExactly(1, 2);
    assertThat(JSON.readTree(decoded.metainfoJson()).get("_inferred").get("NumberOfFrames").asInt())
        .isEqualTo(2);
  }
}
