package io.datamint.spark.internal.decode.raster;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelBufferPool;
import io.datamint.spark.internal.decode.DecodedResource;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link PngPlaneUnfilter}, which unfilters 8-bit rows of 2 to 4 channels straight into the planes,
 * and {@link PngFilters}, which unfilters a row buffer in place (1 to 8 bytes per pixel), against
 * the specification's filters written plainly and a plain scatter into the planes: every filter
 * type for every pixel size, Paeth for RGB and RGBA also through the Vector API ({@link
 * PngVectorPaeth}), on random bytes, the first row and the first pixel of every row included,
 * widths of one pixel and more.
 */
@Tag("spark-independent")
class PngPlaneUnfilterTest {

  /**
   * Bytes per pixel: 2 to 4 the channels of 8-bit images that go straight into the planes (grey +
   * alpha, RGB, RGBA); 1 (8-bit grey, palette) and 2, 4, 6 and 8 (16-bit samples) also those the
   * row buffer takes.
   */
  private static final int[] PIXEL_BYTES = {1, 2, 3, 4, 6, 8};

  private static final int[] WIDTHS = {1, 2, 3, 5, 64, 131};

  private final Random random = new Random(17);

  @Test
  void everyFilterAndPixelSizeMatchesTheSpecification() {
    for (int bpp : PIXEL_BYTES) {
      for (int filter = 0; filter <= 4; filter++) {
        for (int width : WIDTHS) {
          int f = filter;
          assertSameAsReference(bpp, width, 4, y -> f);
        }
      }
    }
  }

  @Test
  void mixedFiltersRowByRowMatchTheSpecification() {
    for (int bpp : PIXEL_BYTES) {
      for (int width : WIDTHS) {
        for (int k = 0; k < 5; k++) {
          int[] filters = random.ints(9, 0, 5).toArray();
          assertSameAsReference(bpp, width, filters.length, y -> filters[y]);
        }
      }
    }
  }

  @Test
  void paethOfOneBytePixelsIsTheSpecificationsForEveryNeighbourhood() {
    // every left a, above b and upper-left c: the second pixel of a two-pixel grey row, its first
    // pixel unfiltered to a (the first pixel's predictor is its above byte, c)
    byte[] row = new byte[3];
    byte[] prior = new byte[3];
    for (int a = 0; a < 256; a++) {
      for (int b = 0; b < 256; b++) {
        for (int c = 0; c < 256; c++) {
          int raw = (a ^ 3 * b ^ 7 * c) & 0xFF;
          row[1] = (byte) (a - c);
          row[2] = (byte) raw;
          prior[1] = (byte) c;
          prior[2] = (byte) b;
          PngFilters.unfilter(PngFilters.PAETH, row, prior, 2, 1);
          int expected = (raw + PngTestEncoder.paeth(a, b, c)) & 0xFF;
          if ((row[1] & 0xFF) != a || (row[2] & 0xFF) != expected) {
            assertThat(row[2] & 0xFF).as("a=%d b=%d c=%d", a, b, c).isEqualTo(expected);
            assertThat(row[1] & 0xFF).as("first pixel, a=%d c=%d", a, c).isEqualTo(a);
          }
        }
      }
    }
  }

  @Test
  void vectorApiIsThereForTheseTests() {
    // surefire's JVM has jdk.incubator.vector (Spark's module flags), so the tests above check
    // the Vector API's Paeth and not only the scalar loops
    assertThat(PngPlaneUnfilter.vectorApi()).isTrue();
  }

  @Test
  void decodedIntoAReusedArrayEveryByteIsWritten() throws DecodeException {
    // the decoder takes its output from the task's pool unzeroed: the pixels must not depend on
    // what an earlier row left there
    int[][] types = {{0, 8}, {0, 16}, {2, 8}, {2, 16}, {3, 8}, {4, 8}, {6, 8}, {6, 16}};
    for (int[] type : types) {
      PngTestEncoder.Image image = PngTestEncoder.random(37, 11, type[1], type[0], random);
      byte[] plte = type[0] == 3 ? new byte[3 * 256] : null;
      byte[] trns = type[0] == 2 ? new byte[6] : null; // black is transparent: an alpha plane
      byte[] file =
          PngTestEncoder.encode(image, new PngTestEncoder.Extras(plte, trns), y -> y % 5, random);
      PngFile png = PngFile.parse(file, file.length);
      byte[] expected = bytes(PngDecoder.decode(png, file, DecodeLimits.defaults()));
      PixelBufferPool pool = new PixelBufferPool(1 << 20);
      DecodeLimits pooled = DecodeLimits.defaults().withPool(pool);
      byte[] first = bytes(PngDecoder.decode(png, file, pooled));
      Arrays.fill(first, (byte) 0x5A);
      pool.recycle();
      assertThat(bytes(PngDecoder.decode(png, file, pooled)))
          .as("colour type " + type[0] + ", " + type[1] + " bits, into a reused array")
          .isEqualTo(expected);
      assertThat(pool.reuses()).isEqualTo(1);
    }
  }

  private static byte[] bytes(DecodedResource decoded) {
    return decoded.pixels().data().array();
  }

  @Test
  void unknownFilterTypeIsRefused() {
    byte[] out = new byte[3 * 4];
    PngPlaneUnfilter unfilter = new PngPlaneUnfilter(out, 4, 1, 3);
    byte[] in = new byte[1 + 12];
    Arrays.fill(in, (byte) 9);
    in[0] = 5;
    assertThat(unfilter.write(in, 0, 0)).isFalse();
    assertThat(out).containsOnly(0);
  }

  private interface FilterOfRow {
    int of(int y);
  }

  private void assertSameAsReference(int bpp, int width, int height, FilterOfRow filterOfRow) {
    int stride = 1 + width * bpp;
    byte[] inflated = new byte[height * stride];
    random.nextBytes(inflated);
    for (int y = 0; y < height; y++) {
      inflated[y * stride] = (byte) filterOfRow.of(y);
    }
    // a little smooth data, so that Paeth's ties and each of its three choices happen
    for (int i = 0; i < inflated.length; i++) {
      if (i % stride != 0 && random.nextInt(3) == 0) {
        inflated[i] = 0;
      }
    }
    byte[][] rows = referenceRows(inflated, width, height, bpp);
    String what =
        bpp
            + " bytes per pixel, "
            + width
            + "x"
            + height
            + ", filters "
            + Arrays.toString(rows(height, filterOfRow));

    if (bpp >= 2 && bpp <= 4) { // 8-bit grey + alpha, RGB, RGBA
      byte[] expected = planes(rows, width, height, bpp);
      for (boolean vector : new boolean[] {false, true}) {
        byte[] fused = new byte[expected.length];
        PngPlaneUnfilter unfilter = new PngPlaneUnfilter(fused, width, height, bpp, vector);
        // the rows at an offset within a larger array, as the decoder's strips are, and the last
        // row at its end (the vector loop reads eight bytes at a time)
        byte[] shifted = new byte[inflated.length + 7];
        System.arraycopy(inflated, 0, shifted, 7, inflated.length);
        for (int y = 0; y < height; y++) {
          assertThat(unfilter.write(shifted, 7 + y * stride, y)).isTrue();
        }
        assertThat(fused)
            .as("straight into the planes" + (vector ? ", Vector API: " : ": ") + what)
            .isEqualTo(expected);
      }
    }

    byte[] row = new byte[stride];
    byte[] prior = new byte[stride];
    for (int y = 0; y < height; y++) {
      System.arraycopy(inflated, y * stride, row, 0, stride);
      assertThat(PngFilters.unfilter(row[0], row, prior, width * bpp, bpp)).isTrue();
      assertThat(Arrays.copyOfRange(row, 1, stride))
          .as("in a row buffer: " + what + ", row " + y)
          .isEqualTo(rows[y]);
      byte[] swap = prior;
      prior = row;
      row = swap;
    }
  }

  private static int[] rows(int height, FilterOfRow filterOfRow) {
    int[] f = new int[height];
    for (int y = 0; y < height; y++) {
      f[y] = filterOfRow.of(y);
    }
    return f;
  }

  /** The specification's unfiltering (PNG section 9), byte by byte, zero outside the image. */
  private static byte[][] referenceRows(byte[] inflated, int width, int height, int bpp) {
    int n = width * bpp;
    byte[][] rows = new byte[height][n];
    for (int y = 0; y < height; y++) {
      int filter = inflated[y * (n + 1)];
      for (int i = 0; i < n; i++) {
        int raw = inflated[y * (n + 1) + 1 + i] & 0xFF;
        int a = i >= bpp ? rows[y][i - bpp] & 0xFF : 0;
        int b = y > 0 ? rows[y - 1][i] & 0xFF : 0;
        int c = y > 0 && i >= bpp ? rows[y - 1][i - bpp] & 0xFF : 0;
        int predicted =
            switch (filter) {
              case 0 -> 0;
              case 1 -> a;
              case 2 -> b;
              case 3 -> (a + b) / 2;
              case 4 -> PngTestEncoder.paeth(a, b, c);
              default -> throw new AssertionError("filter " + filter);
            };
        rows[y][i] = (byte) (raw + predicted);
      }
    }
    return rows;
  }

  /** The rows' samples in planes. */
  private static byte[] planes(byte[][] rows, int width, int height, int channels) {
    byte[] out = new byte[channels * height * width];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        for (int c = 0; c < channels; c++) {
          out[(c * height + y) * width + x] = rows[y][x * channels + c];
        }
      }
    }
    return out;
  }
}
