package io.datamint.spark.internal.decode.nifti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DType;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.VolumeGeometry;
import io.datamint.spark.internal.decode.DecodedResource;
import io.datamint.spark.internal.decode.PixelValues;
import io.datamint.spark.internal.sample.NiftiWriter;
import io.datamint.spark.internal.slice.MetainfoGeometry;
import io.datamint.spark.internal.slice.PlaneResolver;
import io.datamint.spark.internal.slice.SlicePlane;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link NiftiDecoder} on synthetic files with known values: layout, types, scaling, errors,
 * limits, bombs.
 */
@Tag("spark-independent")
class NiftiDecoderTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final NiftiDecoder decoder = new NiftiDecoder();

  private DecodedResource decode(byte[] file) throws DecodeException {
    return decoder.decode(file, file.length, DecodeLimits.defaults());
  }

  private DecodedResource decode(NiftiBuilder b) throws DecodeException {
    return decode(b.build());
  }

  /** uint8 voxels whose value is their flat NIfTI index (i fastest). */
  private static byte[] indexBytes(int n) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) i;
    }
    return b;
  }

  private static JsonNode meta(DecodedResource r) throws Exception {
    return JSON.readTree(r.metainfoJson());
  }

  @Test
  void standardVolumeIsSlicesThenRowsThenColumns() throws Exception {
    // fallback affine: x flipped (L), y A, z S: slice axis k, not reversed
    DecodedResource r = decode(new NiftiBuilder().shape(4, 3, 2).voxels(indexBytes(24)));
    assertThat(r.pixels().shape()).containsExactly(2, 1, 3, 4);
    assertThat(r.pixels().dtype()).isEqualTo(DType.UINT8);
    double[] v = PixelValues.of(r.pixels());
    for (int z = 0; z < 2; z++) {
      for (int y = 0; y < 3; y++) {
        for (int x = 0; x < 4; x++) {
          assertThat(v[(z * 3 + y) * 4 + x]).isEqualTo(x + 4 * y + 12 * z);
        }
      }
    }
    assertThat(r.affine()).containsExactly(-1, 0, 0, 1.5, 0, 1, 0, -1, 0, 0, 1, -0.5, 0, 0, 0, 1);
    JsonNode o = meta(r).get("orientation");
    assertThat(o.get("axcodes").toString()).isEqualTo("[\"L\",\"A\",\"S\"]");
    assertThat(o.get("affine_source").asText()).isEqualTo("fallback");
    assertThat(o.get("slice_axis").asInt()).isEqualTo(2);
    assertThat(o.get("slice_flipped").asBoolean()).isFalse();
  }

  @Test
  void inferiorSliceAxisIsReversedAndOtherAxesDescend() throws Exception {
    // voxel i -> I (slice axis 0, reversed), j -> A, k -> R: output (X, 1, Z, Y), slice 0 = last i
    double[][] sform = {{0, 0, 1, 0}, {0, 1, 0, 0}, {-1, 0, 0, 0}};
    DecodedResource r =
        decode(new NiftiBuilder().shape(4, 3, 2).voxels(indexBytes(24)).sform(1, sform));
    assertThat(r.pixels().shape()).containsExactly(4, 1, 2, 3);
    double[] v = PixelValues.of(r.pixels());
    for (int n = 0; n < 4; n++) {
      for (int h = 0; h < 2; h++) {
        for (int w = 0; w < 3; w++) {
          int x = 3 - n;
          int y = w;
          int z = h;
          assertThat(v[(n * 2 + h) * 3 + w]).isEqualTo(x + 4 * y + 12 * z);
        }
      }
    }
    JsonNode o = meta(r).get("orientation");
    assertThat(o.get("axcodes").toString()).isEqualTo("[\"I\",\"A\",\"R\"]");
    assertThat(o.get("slice_axis").asInt()).isEqualTo(0);
    assertThat(o.get("slice_flipped").asBoolean()).isTrue();
    assertThat(o.get("affine_source").asText()).isEqualTo("sform");
  }

  @Test
  void timeBecomesChannels() throws Exception {
    DecodedResource r = decode(new NiftiBuilder().shape(2, 2, 2, 3).voxels(indexBytes(24)));
    assertThat(r.pixels().shape()).containsExactly(2, 3, 2, 2);
    double[] v = PixelValues.of(r.pixels());
    // (n=z, c=t, h=y, w=x)
    assertThat(v[((1 * 3 + 2) * 2 + 1) * 2 + 0]).isEqualTo(0 + 2 * 1 + 4 * 1 + 8 * 2);
  }

  @Test
  void twoAndOneDimensionalImages() throws Exception {
    DecodedResource r2 = decode(new NiftiBuilder().shape(3, 2).voxels(indexBytes(6)));
    assertThat(r2.pixels().shape()).containsExactly(1, 1, 2, 3);
    assertThat(PixelValues.of(r2.pixels())).containsExactly(0, 1, 2, 3, 4, 5);
    DecodedResource r1 = decode(new NiftiBuilder().shape(5).voxels(indexBytes(5)));
    assertThat(r1.pixels().shape()).containsExactly(1, 1, 1, 5);
  }

  @Test
  void trailingUnitDimensionsAfterTheFourthAreDropped() throws Exception {
    DecodedResource r = decode(new NiftiBuilder().shape(2, 2, 2, 1, 1).voxels(indexBytes(8)));
    assertThat(r.pixels().shape()).containsExactly(2, 1, 2, 2);
    assertThat(meta(r).get("shape").toString()).isEqualTo("[2,2,2,1,1]");
    assertThatThrownBy(() -> decode(new NiftiBuilder().shape(2, 2, 2, 1, 3).voxels(indexBytes(24))))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("5-D image of shape [2, 2, 2, 1, 3]");
  }

  @Test
  void byteOrdersAndVersionsGiveTheSameArray() throws Exception {
    short[] values = {-32768, -1, 0, 1, 12345, 32767, -200, 7};
    byte[] le = shorts(values, ByteOrder.LITTLE_ENDIAN);
    byte[] be = shorts(values, ByteOrder.BIG_ENDIAN);
    double[] expected =
        PixelValues.of(
            decode(new NiftiBuilder().shape(2, 2, 2).datatype(4, 16).voxels(le)).pixels());
    assertThat(expected).containsExactly(-32768, -1, 0, 1, 12345, 32767, -200, 7);
    for (int version = 1; version <= 2; version++) {
      for (boolean gzip : new boolean[] {false, true}) {
        NiftiBuilder b =
            new NiftiBuilder()
                .version(version)
                .bigEndian()
                .shape(2, 2, 2)
                .datatype(4, 16)
                .voxels(be);
        if (gzip) {
          b.gzip();
        }
        DecodedResource r = decode(b);
        assertThat(r.pixels().dtype()).isEqualTo(DType.INT16);
        assertThat(PixelValues.of(r.pixels()))
            .as("v%d gzip=%s", version, gzip)
            .containsExactly(expected);
        assertThat(meta(r).get("format").asText()).isEqualTo("nifti" + version);
        assertThat(meta(r).get("byte_order").asText()).isEqualTo("big");
      }
    }
  }

  @Test
  void scalingGivesFloat64AndNoScalingKeepsTheStoredType() throws Exception {
    byte[] le = shorts(new short[] {-2, 0, 3, 100}, ByteOrder.LITTLE_ENDIAN);
    DecodedResource scaled =
        decode(new NiftiBuilder().shape(2, 2, 1).datatype(4, 16).voxels(le).scaling(2.5, -1));
    assertThat(scaled.pixels().dtype()).isEqualTo(DType.FLOAT64);
    assertThat(PixelValues.of(scaled.pixels())).containsExactly(-6, -1, 6.5, 249);
    assertThat(meta(scaled).get("scaled").asBoolean()).isTrue();
    for (double[] none :
        new double[][] {{0, 5}, {Double.NaN, 5}, {Double.POSITIVE_INFINITY, 0}, {1, 0}}) {
      DecodedResource r =
          decode(
              new NiftiBuilder()
                  .shape(2, 2, 1)
                  .datatype(4, 16)
                  .voxels(le)
                  .scaling(none[0], none[1]));
      assertThat(r.pixels().dtype()).as(Arrays.toString(none)).isEqualTo(DType.INT16);
      assertThat(PixelValues.of(r.pixels())).containsExactly(-2, 0, 3, 100);
      assertThat(meta(r).get("scaled").asBoolean()).isFalse();
    }
    DecodedResource interOnly =
        decode(new NiftiBuilder().shape(2, 2, 1).datatype(4, 16).voxels(le).scaling(1, 0.5));
    assertThat(PixelValues.of(interOnly.pixels())).containsExactly(-1.5, 0.5, 3.5, 100.5);
    // float32 data scaled in double precision, as nibabel does (not rounded back to float32)
    ByteBuffer f = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.1f);
    DecodedResource fs =
        decode(
            new NiftiBuilder()
                .version(2)
                .shape(1, 1, 1)
                .datatype(16, 32)
                .voxels(f.array())
                .scaling(0.3, 0));
    assertThat(fs.pixels().dtype()).isEqualTo(DType.FLOAT64);
    assertThat(PixelValues.of(fs.pixels())).containsExactly((double) 0.1f * 0.3);
    assertThatThrownBy(
            () ->
                decode(
                    new NiftiBuilder()
                        .version(2)
                        .shape(2, 2, 1)
                        .datatype(4, 16)
                        .voxels(le)
                        .scaling(2, Double.NaN)))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("invalid scl_inter");
  }

  @Test
  void everyIntegerTypeKeepsItsType() throws Exception {
    int[][] types = {
      {2, 8}, {256, 8}, {4, 16}, {512, 16}, {8, 32}, {768, 32}, {1024, 64}, {16, 32}, {64, 64}
    };
    DType[] expected = {
      DType.UINT8,
      DType.INT8,
      DType.INT16,
      DType.UINT16,
      DType.INT32,
      DType.UINT32,
      DType.INT64,
      DType.FLOAT32,
      DType.FLOAT64
    };
    for (int i = 0; i < types.length; i++) {
      byte[] ones = new byte[2 * types[i][1] / 8];
      Arrays.fill(ones, (byte) 0xFF);
      DecodedResource r =
          decode(new NiftiBuilder().shape(2, 1, 1).datatype(types[i][0], types[i][1]).voxels(ones));
      assertThat(r.pixels().dtype()).isEqualTo(expected[i]);
      assertThat(meta(r).get("datatype_name").asText()).isEqualTo(expected[i].numpyName());
    }
  }

  @Test
  void uint64BecomesFloat64RoundedToNearest() throws Exception {
    ByteBuffer b = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(-1L).putLong((1L << 53) + 1).putLong(Long.MIN_VALUE | 1).putLong(42);
    DecodedResource r =
        decode(new NiftiBuilder().shape(4, 1, 1).datatype(1280, 64).voxels(b.array()));
    assertThat(r.pixels().dtype()).isEqualTo(DType.FLOAT64);
    assertThat(PixelValues.of(r.pixels()))
        .containsExactly(18446744073709551615.0, 9007199254740992.0, 9223372036854775808.0, 42);
    assertThat(meta(r).get("scaled").asBoolean()).isFalse();
  }

  @Test
  void colourVoxelsAreChannels() throws Exception {
    // RGB24, 2x1x1 voxels, 2 time points: channels t0.R t0.G t0.B t1.R t1.G t1.B
    byte[] rgb = {1, 2, 3, 4, 5, 6, 11, 12, 13, 14, 15, 16};
    DecodedResource r =
        decode(new NiftiBuilder().shape(2, 1, 1, 2).datatype(128, 24).voxels(rgb).scaling(2, 1));
    assertThat(r.pixels().shape()).containsExactly(1, 6, 1, 2);
    assertThat(r.pixels().dtype()).isEqualTo(DType.UINT8);
    assertThat(PixelValues.of(r.pixels()))
        .containsExactly(1, 4, 2, 5, 3, 6, 11, 14, 12, 15, 13, 16);
    byte[] rgba = {1, 2, 3, 4, 5, 6, 7, 8};
    DecodedResource a =
        decode(new NiftiBuilder().shape(1, 2, 1).datatype(2304, 32).voxels(rgba).bigEndian());
    assertThat(a.pixels().shape()).containsExactly(1, 4, 2, 1);
    assertThat(PixelValues.of(a.pixels())).containsExactly(1, 5, 2, 6, 3, 7, 4, 8);
  }

  @Test
  void filesWithoutAnImageFailCleanly() {
    NiftiBuilder pair = new NiftiBuilder().shape(2, 2, 2);
    pair.magic = "ni1";
    assertThatThrownBy(() -> decode(pair))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("header-only NIfTI-1")
        .hasMessageContaining(".img");
    NiftiBuilder pair2 = new NiftiBuilder().version(2).shape(2, 2, 2);
    pair2.magic = "ni2";
    assertThatThrownBy(() -> decode(pair2)).hasMessageContaining("header-only NIfTI-2");
    NiftiBuilder analyze = new NiftiBuilder().shape(2, 2, 2).voxels(new byte[8]);
    analyze.magic = "";
    assertThatThrownBy(() -> decode(analyze)).hasMessageContaining("Analyze 7.5");
    NiftiBuilder cifti =
        new NiftiBuilder().version(2).shape(1, 1, 1, 1, 3, 4).datatype(16, 32).voxels(new byte[48]);
    cifti.intentCode = 3001;
    cifti.intentName = "ConnDense";
    assertThatThrownBy(() -> decode(cifti))
        .hasMessageContaining("CIFTI-2")
        .hasMessageContaining("3001");
  }

  @Test
  void unsupportedDatatypesAreNamed() {
    assertThatThrownBy(
            () -> decode(new NiftiBuilder().shape(1, 1, 1).datatype(32, 64).voxels(new byte[8])))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("complex64")
        .hasMessageContaining("no real-valued");
    assertThatThrownBy(
            () ->
                decode(new NiftiBuilder().shape(1, 1, 1).datatype(1792, 128).voxels(new byte[16])))
        .hasMessageContaining("complex128");
    assertThatThrownBy(
            () ->
                decode(new NiftiBuilder().shape(1, 1, 1).datatype(1536, 128).voxels(new byte[16])))
        .hasMessageContaining("float128");
    assertThatThrownBy(
            () -> decode(new NiftiBuilder().shape(8, 1, 1).datatype(1, 1).voxels(new byte[1])))
        .hasMessageContaining("binary");
    assertThatThrownBy(() -> decode(new NiftiBuilder().shape(1, 1, 1).datatype(0, 0)))
        .hasMessageContaining("unsupported NIfTI datatype 0");
  }

  @Test
  void malformedHeadersFailCleanly() {
    assertThatThrownBy(() -> decoder.decode(new byte[] {1, 2}, 2, DecodeLimits.defaults()))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("not a NIfTI file");
    assertThatThrownBy(() -> decode("<html>not an image at all</html>".getBytes()))
        .hasMessageContaining("sizeof_hdr");
    byte[] full = new NiftiBuilder().shape(2, 2, 2).voxels(new byte[8]).build();
    assertThatThrownBy(() -> decoder.decode(full, 200, DecodeLimits.defaults()))
        .hasMessageContaining("truncated NIfTI-1 header: 200 of 348");
    NiftiBuilder inside = new NiftiBuilder().shape(2, 2, 2).voxels(new byte[8]);
    inside.voxOffset = 0.0;
    assertThatThrownBy(() -> decode(inside))
        .hasMessageContaining("vox_offset 0.0 is inside the NIfTI-1 header");
    assertThatThrownBy(() -> decode(new NiftiBuilder().shape(2, 0, 2)))
        .hasMessageContaining("not positive");
    NiftiBuilder noDims = new NiftiBuilder();
    noDims.dim[0] = 0;
    assertThatThrownBy(() -> decode(noDims)).hasMessageContaining("dim[0] is 0");
    NiftiBuilder eol = new NiftiBuilder().version(2).shape(1, 1, 1).voxels(new byte[1]);
    eol.eolCheck = new byte[] {10, 10, 26, 10};
    assertThatThrownBy(() -> decode(eol)).hasMessageContaining("newline conversion");
    assertThatThrownBy(
            () ->
                decode(
                    new NiftiBuilder()
                        .version(2)
                        .shape(1, 1, 1)
                        .voxels(new byte[1])
                        .qform(1, 0.9, 0.9, 0, 1)))
        .hasMessageContaining("invalid qform quaternion");
  }

  @Test
  void truncatedDataIsAnError() {
    byte[] full = new NiftiBuilder().shape(10, 10, 10).voxels(new byte[1000]).build();
    assertThatThrownBy(() -> decoder.decode(full, full.length - 1, DecodeLimits.defaults()))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("truncated NIfTI file: the header declares 1000 bytes of voxel data")
        .hasMessageContaining("only " + (full.length - 1) + " bytes");
    byte[] gz = new NiftiBuilder().shape(10, 10, 10).voxels(new byte[999]).gzip().build();
    assertThatThrownBy(() -> decode(gz)).hasMessageContaining("truncated NIfTI gzip stream");
    byte[] cut = Arrays.copyOf(gz, gz.length / 2);
    assertThatThrownBy(() -> decode(cut))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("gzip");
    byte[] corrupt = gz.clone();
    for (int i = 12; i < corrupt.length - 8; i++) {
      corrupt[i] ^= 0x5A;
    }
    assertThatThrownBy(() -> decode(corrupt))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("gzip");
    assertThatThrownBy(() -> decode(NiftiBuilder.gzip("not nifti".getBytes())))
        .hasMessageContaining("the gzip stream does not hold a NIfTI file");
  }

  @Test
  void limitsAreCheckedBeforeAllocating() {
    byte[] file = new NiftiBuilder().shape(20, 20, 20).voxels(new byte[8000]).build();
    assertThatThrownBy(() -> decoder.decode(file, file.length, new DecodeLimits(7999)))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("max_decoded_bytes");
    // int16 scaled to float64 needs four times the stored bytes
    byte[] scaled =
        new NiftiBuilder()
            .shape(20, 20, 20)
            .datatype(4, 16)
            .scaling(2, 0)
            .voxels(new byte[16000])
            .build();
    assertThatThrownBy(() -> decoder.decode(scaled, scaled.length, new DecodeLimits(63999)))
        .hasMessageContaining("float64");
    // a header declaring an absurd size fails on the header, whatever the file holds
    byte[] huge = new NiftiBuilder().version(2).shape(100000, 100000, 100000).build();
    assertThatThrownBy(() -> decode(huge)).hasMessageContaining("max_decoded_bytes");
  }

  @Test
  void gzipBombDeclaringHugeDimensionsFailsAfterTheHeader() {
    // inflates to more than 4 GiB; declares 1024^3 int16 = 2 GiB, over the default limit
    byte[] header =
        Arrays.copyOf(new NiftiBuilder().shape(1024, 1024, 1024).datatype(4, 16).build(), 352);
    byte[] bomb = gzipBomb(header, 4L << 30);
    assertThat(bomb.length).isLessThan(8 << 20);
    long start = System.nanoTime();
    assertThatThrownBy(() -> decode(bomb))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("max_decoded_bytes");
    assertThat((System.nanoTime() - start) / 1e9).as("seconds").isLessThan(2);
  }

  @Test
  void gzipBombDeclaringSmallDimensionsInflatesOnlyTheDeclaredBytes() throws Exception {
    byte[] header = new NiftiBuilder().shape(8, 8, 8).voxels(indexBytes(512)).build();
    byte[] bomb = gzipBomb(header, 4L << 30);
    long start = System.nanoTime();
    DecodedResource r = decode(bomb);
    assertThat((System.nanoTime() - start) / 1e9).as("seconds").isLessThan(2);
    assertThat(r.pixels().shape()).containsExactly(8, 1, 8, 8);
    assertThat(PixelValues.of(r.pixels())[511]).isEqualTo(255);
    // the bomb is a valid stream: it does inflate far beyond the declared bytes
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bomb))) {
      in.skipNBytes(256 << 20);
    }
  }

  /**
   * A gzip stream of {@code prefix} followed by {@code zeros} zero bytes, built without compressing
   * them all: one flushed deflate block of 16 MiB of zeros (which only refers back to zeros) is
   * repeated. The stream has no valid trailer: a reader that inflates it to the end fails, one that
   * stops early never notices.
   */
  static byte[] gzipBomb(byte[] prefix, long zeros) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff});
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    byte[] buffer = new byte[1 << 20];
    int chunk = 16 << 20;
    byte[] zeroChunk = new byte[chunk];
    deflater.setInput(prefix);
    flush(deflater, buffer, out);
    deflater.setInput(zeroChunk);
    flush(deflater, buffer, out);
    deflater.setInput(zeroChunk);
    ByteArrayOutputStream repeated = new ByteArrayOutputStream();
    flush(deflater, buffer, repeated);
    byte[] block = repeated.toByteArray();
    for (long done = 2L * chunk; done < zeros; done += chunk) {
      out.writeBytes(block);
    }
    out.writeBytes(new byte[] {3, 0}); // a final, empty, fixed-Huffman block
    out.writeBytes(new byte[8]); // CRC-32 and size: wrong on purpose
    deflater.end();
    return out.toByteArray();
  }

  private static void flush(Deflater deflater, byte[] buffer, ByteArrayOutputStream out) {
    int n;
    do {
      n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
      out.write(buffer, 0, n);
    } while (n == buffer.length);
  }

  @Test
  void degenerateAffineFallsBackToVoxelAxisK() throws Exception {
    DecodedResource r =
        decode(
            new NiftiBuilder()
                .shape(4, 3, 2)
                .voxels(indexBytes(24))
                .sform(1, new double[][] {{0, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}}));
    assertThat(r.pixels().shape()).containsExactly(2, 1, 3, 4);
    assertThat(PixelValues.of(r.pixels())[5]).isEqualTo(5);
    JsonNode o = meta(r).get("orientation");
    assertThat(o.get("axcodes").toString()).isEqualTo("[null,null,null]");
    assertThat(o.get("slice_axis_fallback").asBoolean()).isTrue();
  }

  @Test
  void metainfoHoldsTheHeader() throws Exception {
    NiftiBuilder b =
        new NiftiBuilder()
            .shape(2, 2, 2)
            .voxels(new byte[8])
            .pixdim(1, 0.5f, 0.75f, 2.5f)
            .qform(1, 0, 0, 1, 1, 3, 4, 5)
            .extension(6, "hello".getBytes())
            .extension(40, new byte[30]);
    b.descrip = "synthetic test";
    b.intentName = "label";
    DecodedResource r = decode(b);
    JsonNode m = meta(r);
    assertThat(m.get("descrip").asText()).isEqualTo("synthetic test");
    assertThat(m.get("intent_name").asText()).isEqualTo("label");
    assertThat(m.get("pixdim").toString()).isEqualTo("[1.0,0.5,0.75,2.5,1.0,1.0,1.0,1.0]");
    assertThat(m.get("dim").toString()).isEqualTo("[3,2,2,2,1,1,1,1]");
    assertThat(m.get("datatype").asInt()).isEqualTo(2);
    assertThat(m.get("qform_code").asInt()).isEqualTo(1);
    assertThat(m.get("sform_code").asInt()).isZero();
    assertThat(m.get("quatern_d").asDouble()).isEqualTo(1);
    assertThat(m.get("vox_offset").asDouble()).isEqualTo(352 + 16 + 48);
    assertThat(m.get("extensions").toString())
        .isEqualTo("[{\"code\":6,\"size\":16},{\"code\":40,\"size\":48}]");
    assertThat(m.get("orientation").get("affine_source").asText()).isEqualTo("qform");
    // 180 degrees about z: i -> L, j -> P
    assertThat(r.affine()).containsExactly(-0.5, 0, 0, 3, 0, -0.75, 0, 4, 0, 0, 2.5, 5, 0, 0, 0, 1);
  }

  @Test
  void decodesTheSampleProjectWriter() throws Exception {
    double[][] affine = {{0, 0, -2, 10}, {0, 1.5, 0, -5}, {1, 0, 0, 3}, {0, 0, 0, 1}};
    short[] voxels = new short[3 * 4 * 5];
    for (int i = 0; i < voxels.length; i++) {
      voxels[i] = (short) (i * 7 - 100);
    }
    byte[] file =
        NiftiWriter.of(new int[] {3, 4, 5}, affine)
            .withScaling(2f, -1f)
            .withGzip(true)
            .int16(voxels);
    DecodedResource r = decode(file);
    // i -> S: slice axis 0, not reversed; then k (L), j (A)
    assertThat(r.pixels().shape()).containsExactly(3, 1, 5, 4);
    assertThat(r.pixels().dtype()).isEqualTo(DType.FLOAT64);
    double[] v = PixelValues.of(r.pixels());
    // n = i = 2, h = k = 4, w = j = 1
    assertThat(v[(2 * 5 + 4) * 4 + 1]).isEqualTo(((2 + 3 * 1 + 12 * 4) * 7 - 100) * 2.0 - 1);
    for (int k = 0; k < 16; k++) {
      assertThat(r.affine()[k])
          .isCloseTo(affine[k / 4][k % 4], org.assertj.core.api.Assertions.within(1e-6));
    }
  }

  private static byte[] shorts(short[] values, ByteOrder order) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 2).order(order);
    for (short v : values) {
      b.putShort(v);
    }
    return b.array();
  }

  @Test
  void geometryOfANonIdentityOrientation() throws Exception {
    // voxel i -> I, j -> A, k -> R (as inferiorSliceAxisIsReversedAndOtherAxesDescend)
    double[][] sform = {{0, 0, 1, 0}, {0, 1, 0, 0}, {-1, 0, 0, 0}};
    DecodedResource r =
        decode(new NiftiBuilder().shape(4, 3, 2).voxels(indexBytes(24)).sform(1, sform));
    VolumeGeometry.Nifti g = (VolumeGeometry.Nifti) r.geometry();
    assertThat(g.axisCodes())
        .containsExactly(
            VolumeGeometry.AxisCode.I, VolumeGeometry.AxisCode.A, VolumeGeometry.AxisCode.R);
    assertThat(g.sliceAxis()).isZero();
    assertThat(g.sliceFlipped()).isTrue();
    assertThat(g.sliceAxisFallback()).isFalse();
    assertThat(g.affineSource()).isEqualTo(VolumeGeometry.AffineSource.SFORM);
    assertThat(g.sformCode()).isEqualTo(1);
    assertThat(g.qformCode()).isZero();
    assertThat(g).isEqualTo(MetainfoGeometry.nifti(r.metainfoJson()));
    // output (X, 1, Z, Y): axial is D, sagittal (k, R) is H, coronal (j, A) is W
    int[] cdhw = {1, 4, 2, 3};
    assertThat(PlaneResolver.axis(SlicePlane.AXIAL, "nifti", g, cdhw)).isEqualTo(1);
    assertThat(PlaneResolver.axis(SlicePlane.SAGITTAL, "nifti", g, cdhw)).isEqualTo(2);
    assertThat(PlaneResolver.axis(SlicePlane.CORONAL, "nifti", g, cdhw)).isEqualTo(3);
  }

  @Test
  void geometryOfADegenerateAffineIsTheFallback() throws Exception {
    DecodedResource r =
        decode(
            new NiftiBuilder()
                .shape(2, 2, 2)
                .voxels(new byte[8])
                .sform(1, new double[][] {{0, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}}));
    VolumeGeometry.Nifti g = (VolumeGeometry.Nifti) r.geometry();
    assertThat(g.axisCodes()).containsOnlyNulls();
    assertThat(g.sliceAxis()).isEqualTo(2);
    assertThat(g.sliceAxisFallback()).isTrue();
    assertThat(g).isEqualTo(MetainfoGeometry.nifti(r.metainfoJson()));
  }
}
