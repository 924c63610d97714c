package io.datamint.spark.internal.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.spark.testing.ExternalTool;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NiftiWriterTest {

  private static final double[][] LPS = {
    {-2, 0, 0, 10}, {0, -3, 0, 20}, {0, 0, 4, -30}, {0, 0, 0, 1}
  };

  @Test
  void writesTheNifti1HeaderAndFortranOrderedData() {
    short[] voxels = new short[2 * 3 * 4];
    for (int i = 0; i < voxels.length; i++) {
      voxels[i] = (short) (i - 5);
    }
    ByteBuffer b = le(NiftiWriter.of(new int[] {2, 3, 4}, LPS).withScaling(2f, -7f).int16(voxels));

    assertThat(b.capacity()).isEqualTo(352 + 2 * voxels.length);
    assertThat(b.getInt(0)).isEqualTo(348);
    assertThat(shorts(b, 40, 4)).containsExactly((short) 3, (short) 2, (short) 3, (short) 4);
    assertThat(b.getShort(70)).isEqualTo((short) 4);
    assertThat(b.getShort(72)).isEqualTo((short) 16);
    assertThat(floats(b, 76, 4)).containsExactly(1f, 2f, 3f, 4f);
    assertThat(b.getFloat(108)).isEqualTo(352f);
    assertThat(b.getFloat(112)).isEqualTo(2f);
    assertThat(b.getFloat(116)).isEqualTo(-7f);
    assertThat(b.get(123)).isEqualTo((byte) 2); // mm
    assertThat(b.getShort(252)).isEqualTo((short) 1);
    assertThat(b.getShort(254)).isEqualTo((short) 1);
    assertThat(floats(b, 280, 12))
        .containsExactly(-2f, 0f, 0f, 10f, 0f, -3f, 0f, 20f, 0f, 0f, 4f, -30f);
    assertThat(floats(b, 268, 3)).containsExactly(10f, 20f, -30f);
    assertThat(new byte[] {b.get(344), b.get(345), b.get(346), b.get(347)})
        .containsExactly('n', '+', '1', 0);
    assertThat(b.getInt(348)).isZero(); // no extension
    for (int i = 0; i < voxels.length; i++) {
      assertThat(b.getShort(352 + 2 * i)).isEqualTo(voxels[i]);
    }
  }

  @Test
  void datatypesHaveTheirCodesAndWidths() {
    ByteBuffer u8 =
        le(NiftiWriter.of(new int[] {2, 2}, LPS).uint8(new byte[] {0, 1, (byte) 255, 7}));
    assertThat(u8.getShort(70)).isEqualTo((short) 2);
    assertThat(u8.getShort(72)).isEqualTo((short) 8);
    assertThat(u8.get(354)).isEqualTo((byte) 255);
    ByteBuffer f32 = le(NiftiWriter.of(new int[] {3}, LPS).float32(new float[] {0.5f, -1f, 3e3f}));
    assertThat(f32.getShort(70)).isEqualTo((short) 16);
    assertThat(f32.getShort(72)).isEqualTo((short) 32);
    assertThat(f32.getFloat(352 + 4)).isEqualTo(-1f);
  }

  @Test
  void gzipOutputDecompressesToTheUncompressedFile() throws IOException {
    NiftiWriter w = NiftiWriter.of(new int[] {4, 4, 2}, LPS);
    byte[] plain = w.uint8(new byte[32]);
    byte[] gz = w.withGzip(true).uint8(new byte[32]);
    assertThat(gz[0]).isEqualTo((byte) 0x1f);
    assertThat(gz[1]).isEqualTo((byte) 0x8b);
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      assertThat(in.readAllBytes()).isEqualTo(plain);
    }
    assertThat(w.withGzip(true).uint8(new byte[32])).as("deterministic").isEqualTo(gz);
  }

  @Test
  void quaternionReproducesTheAffine() {
    double c = Math.cos(0.4);
    double s = Math.sin(0.4);
    List<double[][]> affines =
        List.of(
            LPS,
            new double[][] {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}},
            new double[][] {{-1, 0, 0, 0}, {0, -1, 0, 0}, {0, 0, -1, 0}, {0, 0, 0, 1}},
            new double[][] {{1, 0, 0, 0}, {0, -1, 0, 0}, {0, 0, -1, 0}, {0, 0, 0, 1}},
            new double[][] {{-1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, -1, 0}, {0, 0, 0, 1}},
            new double[][] {
              {0, 0, 2, 5}, {-1.5, 0, 0, 6}, {0, -1, 0, 7}, {0, 0, 0, 1}
            }, // sagittal-like
            new double[][] {
              {2 * c, -3 * s, 0, 1}, {2 * s, 3 * c, 0, 2}, {0, 0, -4, 3}, {0, 0, 0, 1}
            });
    for (double[][] a : affines) {
      assertThat(fromQuaternion(NiftiQuaternion.of(a)))
          .as(java.util.Arrays.deepToString(a))
          .satisfies(
              m -> {
                for (int row = 0; row < 3; row++) {
                  for (int col = 0; col < 4; col++) {
                    assertThat(m[row][col]).isCloseTo(a[row][col], within(1e-9));
                  }
                }
              });
    }
  }

  @Test
  void rejectsInconsistentInput() {
    assertThatThrownBy(() -> NiftiWriter.of(new int[] {2, 2}, LPS).int16(new short[3]))
        .hasMessageContaining("need 4 voxels");
    double[][] sheared = {{1, 0.5, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
    assertThatThrownBy(() -> NiftiWriter.of(new int[] {2}, sheared).uint8(new byte[2]))
        .hasMessageContaining("not orthogonal");
    assertThatThrownBy(() -> NiftiWriter.of(new int[] {0}, LPS)).hasMessageContaining("dimensions");
  }

  @Test
  void nibabelReadsAnObliqueFloatImage(@TempDir Path tmp) throws Exception {
    ExternalTool.assumePythonModules("nibabel", "numpy");
    double c = Math.cos(0.3);
    double s = Math.sin(0.3);
    double[][] oblique = {{-c, 0, s * 2, 4}, {0, -1.5, 0, 8}, {s, 0, c * 2, -2}, {0, 0, 0, 1}};
    float[] voxels = new float[3 * 2 * 5];
    for (int i = 0; i < voxels.length; i++) {
      voxels[i] = i * 0.25f;
    }
    Path file = tmp.resolve("oblique.nii");
    Files.write(file, NiftiWriter.of(new int[] {3, 2, 5}, oblique).float32(voxels));
    Path script = Path.of(NiftiWriterTest.class.getResource("nifti_info.py").toURI());
    ExternalTool.Result r =
        ExternalTool.run(ExternalTool.PYTHON, script.toString(), file.toString()).assertSuccess();
    JsonNode info = new ObjectMapper().readTree(r.stdout()).get(file.toString());
    assertThat(info.get("shape")).hasToString("[3,2,5]");
    assertThat(info.get("dtype").asText()).isEqualTo("float32");
    assertThat(info.get("qform_matches_sform").asBoolean()).isTrue();
    assertThat(info.get("max").asDouble()).isEqualTo(29 * 0.25);
    for (int row = 0; row < 4; row++) {
      for (int col = 0; col < 4; col++) {
        assertThat(info.get("affine").get(row).get(col).asDouble())
            .isCloseTo(oblique[row][col], within(1e-6));
      }
    }
  }

  /**
   * The NIfTI-1 qform formula: rotation from (b, c, d), third column times qfac, columns times
   * voxel sizes.
   */
  private static double[][] fromQuaternion(NiftiQuaternion q) {
    double b = q.b();
    double c = q.c();
    double d = q.d();
    double a = Math.sqrt(Math.max(0, 1 - b * b - c * c - d * d));
    double[][] r = {
      {a * a + b * b - c * c - d * d, 2 * (b * c - a * d), 2 * (b * d + a * c)},
      {2 * (b * c + a * d), a * a + c * c - b * b - d * d, 2 * (c * d - a * b)},
      {2 * (b * d - a * c), 2 * (c * d + a * b), a * a + d * d - c * c - b * b}
    };
    double[][] m = new double[3][4];
    for (int row = 0; row < 3; row++) {
      for (int col = 0; col < 3; col++) {
        m[row][col] = r[row][col] * q.voxelSize()[col] * (col == 2 ? q.qfac() : 1);
      }
      m[row][3] = q.offset()[row];
    }
    return m;
  }

  private static ByteBuffer le(byte[] bytes) {
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static short[] shorts(ByteBuffer b, int offset, int n) {
    short[] out = new short[n];
    for (int i = 0; i < n; i++) {
      out[i] = b.getShort(offset + 2 * i);
    }
    return out;
  }

  private static float[] floats(ByteBuffer b, int offset, int n) {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = b.getFloat(offset + 4 * i);
    }
    return out;
  }
}
