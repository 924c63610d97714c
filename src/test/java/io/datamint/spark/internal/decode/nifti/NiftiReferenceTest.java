package io.datamint.spark.internal.decode.nifti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.decode.DecodedResource;
import io.datamint.spark.internal.decode.PixelValues;
import io.datamint.spark.testing.ExternalTool;
import io.datamint.spark.testing.TestCorpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link NiftiDecoder} against nibabel: the real-world corpus ({@code datamint.test.corpus}/nifti)
 * and synthetic files covering every datatype, both byte orders, both NIfTI versions, scaling and
 * orientations. The reference is {@code nibabel_reference.py} run with {@link ExternalTool#PYTHON}:
 * {@code get_fdata()} laid out as the SDK lays it out. Values are compared exactly as numbers
 * (every decoded value, whatever its type, equals nibabel's float64), shapes exactly, affines to
 * 1e-9.
 */
@Tag("spark-independent")
class NiftiReferenceTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final NiftiDecoder decoder = new NiftiDecoder();

  @TempDir Path tmp;

  @Test
  void corpusMatchesNibabel() throws Exception {
    Path dir = TestCorpus.dir("nifti");
    ExternalTool.assumePythonModules("nibabel", "numpy");
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(Files::isRegularFile).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    Map<String, Path> cases = new LinkedHashMap<>();
    files.forEach(f -> cases.put(f.getFileName().toString(), f));
    Map<String, String> outcomes = compareAll(cases);
    // the files the corpus documents as images without data must fail, with a message saying why
    assertThat(outcomes.get("python3-nibabel__nifti1.hdr")).contains("header-only NIfTI-1");
    assertThat(outcomes.get("python3-nibabel__nifti2.hdr")).contains("header-only NIfTI-2");
    assertThat(outcomes.get("python3-nibabel__analyze.hdr")).contains("Analyze 7.5");
    assertThat(outcomes.get("python3-nibabel__row_major.dconn.nii")).contains("CIFTI-2");
    assertThat(outcomes.get("python3-nibabel__anatomical.nii")).isEqualTo("ok");
    assertThat(outcomes.get("python3-nibabel__example_nifti2.nii.gz")).isEqualTo("ok");
  }

  @Test
  void syntheticFilesMatchNibabel() throws Exception {
    ExternalTool.assumePythonModules("nibabel", "numpy");
    Map<String, Path> cases = new LinkedHashMap<>();
    for (Map.Entry<String, NiftiBuilder> e : syntheticCases().entrySet()) {
      NiftiBuilder b = e.getValue();
      Path file = tmp.resolve(e.getKey() + (b.gzip ? ".nii.gz" : ".nii"));
      Files.write(file, b.build());
      cases.put(e.getKey(), file);
    }
    Map<String, String> outcomes = compareAll(cases);
    assertThat(outcomes)
        .hasSameSizeAs(cases)
        .allSatisfy((name, outcome) -> assertThat(outcome).as(name).isEqualTo("ok"));
  }

  /** Files that nibabel and the SDK layout rule both handle, chosen to exercise every branch. */
  static Map<String, NiftiBuilder> syntheticCases() {
    Map<String, NiftiBuilder> cases = new LinkedHashMap<>();
    Random random = new Random(20260719);
    int[][] types = {
      {2, 8},
      {256, 8},
      {4, 16},
      {512, 16},
      {8, 32},
      {768, 32},
      {1024, 64},
      {1280, 64},
      {16, 32},
      {64, 64}
    };
    for (int i = 0; i < types.length; i++) {
      for (int version = 1; version <= 2; version++) {
        NiftiBuilder b =
            new NiftiBuilder()
                .version(version)
                .shape(5, 4, 3)
                .datatype(types[i][0], types[i][1])
                .voxels(randomBytes(random, 5 * 4 * 3 * types[i][1] / 8));
        if ((i + version) % 2 == 0) {
          b.bigEndian();
        }
        cases.put(
            "type"
                + types[i][0]
                + "_v"
                + version
                + (b.order.toString().startsWith("BIG") ? "_be" : "_le"),
            b);
      }
    }
    // scaling: the float64 path for integer and float stored types, and the "no scaling" rules
    double[][] scalings = {{2.5, -10}, {1, 5}, {0.1, 0}, {0, 7}, {Double.NaN, 3}, {-3, 0.25}};
    int[][] scaledTypes = {{4, 16}, {2, 8}, {16, 32}, {512, 16}, {1024, 64}, {1280, 64}};
    for (int i = 0; i < scalings.length; i++) {
      for (int version = 1; version <= 2; version++) {
        int[] t = scaledTypes[i];
        NiftiBuilder b =
            new NiftiBuilder()
                .version(version)
                .shape(3, 4, 2)
                .datatype(t[0], t[1])
                .scaling(scalings[i][0], scalings[i][1])
                .voxels(randomBytes(random, 3 * 4 * 2 * t[1] / 8));
        if (t[0] == 16) {
          b.voxels(float32Voxels(random, 24, version == 2));
          if (version == 2) {
            b.bigEndian();
          }
        }
        cases.put("scaled" + i + "_v" + version, b);
      }
    }
    // orientations: qform quaternions with I axes and qfac, sforms that permute axes, oblique,
    // fallbacks
    cases.put(
        "qform_rot_x180",
        int16(random, 4, 3, 5).qform(1, 1, 0, 0, 1, 10, 20, 30).pixdim(1, 2, 3, 4));
    cases.put(
        "qform_qfac_minus1", int16(random, 4, 3, 5).qform(2, 0, 0, 0, -1).pixdim(-1, 1.5, 1.5, 3));
    cases.put("qform_qfac_zero", int16(random, 4, 3, 5).qform(2, 0, 0, 0, 0).pixdim(0, 0, -2, 3));
    cases.put("qform_rot_y90", int16(random, 4, 3, 5).qform(1, 0, Math.sqrt(0.5), 0, 1));
    cases.put("qform_oblique", int16(random, 4, 3, 5).qform(1, 0.1, 0.2, 0.3, -1, 1, 2, 3));
    cases.put(
        "sform_sagittal",
        int16(random, 4, 3, 5)
            .sform(1, new double[][] {{0, 0, -1, 10}, {0, 1, 0, 0}, {2, 0, 0, 0}}));
    cases.put(
        "sform_coronal_inferior",
        int16(random, 4, 3, 5)
            .sform(2, new double[][] {{1, 0, 0, 0}, {0, 0, 2, 0}, {0, -3, 0, 0}}));
    cases.put(
        "sform_axial_inferior",
        int16(random, 4, 3, 5)
            .sform(4, new double[][] {{-1, 0, 0, 0}, {0, -1, 0, 0}, {0, 0, -1, 0}}));
    cases.put(
        "sform_oblique",
        int16(random, 4, 3, 5)
            .sform(
                1,
                new double[][] {{0.8, 0.6, 0.1, 0}, {-0.6, 0.8, 0.05, 0}, {0.02, -0.1, -0.9, 0}}));
    cases.put(
        "sform_over_qform",
        int16(random, 4, 3, 5)
            .qform(1, 1, 0, 0, 1)
            .sform(1, new double[][] {{0, 1, 0, 0}, {0, 0, 1, 0}, {1, 0, 0, 0}}));
    cases.put(
        "sform_code_invalid",
        int16(random, 4, 3, 5)
            .qform(1, 1, 0, 0, 1)
            .sform(9, new double[][] {{0, 1, 0, 0}, {0, 0, 1, 0}, {1, 0, 0, 0}}));
    cases.put("fallback_affine", int16(random, 4, 3, 5).pixdim(1, 2, 0, -3));
    // 4-D (time becomes channels) with a reversed slice axis that is not k, 2-D, NIfTI-2, gzip,
    // extensions
    cases.put(
        "4d_coronal_inferior",
        new NiftiBuilder()
            .shape(4, 3, 5, 2)
            .datatype(4, 16)
            .voxels(randomBytes(random, 4 * 3 * 5 * 2 * 2))
            .sform(1, new double[][] {{1, 0, 0, 0}, {0, 0, 1, 0}, {0, -1, 0, 0}}));
    cases.put(
        "4d_v2_be_gz",
        new NiftiBuilder()
            .version(2)
            .bigEndian()
            .shape(3, 4, 2, 3)
            .datatype(512, 16)
            .voxels(randomBytes(random, 3 * 4 * 2 * 3 * 2))
            .qform(1, 0, 0, 1, 1)
            .gzip());
    cases.put(
        "2d",
        new NiftiBuilder()
            .shape(6, 5)
            .datatype(2, 8)
            .voxels(randomBytes(random, 30))
            .sform(1, new double[][] {{0, 1, 0, 0}, {0, 0, 1, 0}, {-1, 0, 0, 0}}));
    cases.put(
        "gz_scaled_extensions",
        int16(random, 4, 3, 5)
            .scaling(0.5, 100)
            .gzip()
            .extension(6, "a comment".getBytes())
            .extension(4, new byte[40]));
    NiftiBuilder offset = int16(random, 4, 3, 5);
    offset.voxOffset = 1024.0;
    cases.put("vox_offset_1024", offset);
    cases.put(
        "z_is_one",
        new NiftiBuilder()
            .shape(4, 3, 1)
            .datatype(16, 32)
            .voxels(float32Voxels(random, 12, false))
            .qform(1, 1, 0, 0, 1));
    return cases;
  }

  private static NiftiBuilder int16(Random random, int x, int y, int z) {
    return new NiftiBuilder()
        .shape(x, y, z)
        .datatype(4, 16)
        .voxels(randomBytes(random, x * y * z * 2));
  }

  private static byte[] randomBytes(Random random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  /**
   * Random finite float32 values (random bits would include NaNs, which nibabel keeps but are less
   * telling).
   */
  private static byte[] float32Voxels(Random random, int n, boolean bigEndian) {
    java.nio.ByteBuffer b =
        java.nio.ByteBuffer.allocate(n * 4)
            .order(bigEndian ? java.nio.ByteOrder.BIG_ENDIAN : java.nio.ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < n; i++) {
      b.putFloat((float) ((random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(12) - 4)));
    }
    return b.array();
  }

  /**
   * Runs the reference over every case and compares; returns per case "ok" or the decoder's error
   * message (when nibabel failed too; a file that only one side decodes fails the test).
   */
  private Map<String, String> compareAll(Map<String, Path> cases) throws IOException {
    Path script = tmp.resolve("nibabel_reference.py");
    try (InputStream in = getClass().getResourceAsStream("nibabel_reference.py")) {
      Files.copy(in, script);
    }
    List<String> command = new ArrayList<>(List.of(ExternalTool.PYTHON, script.toString()));
    Map<String, Path> raws = new LinkedHashMap<>();
    for (Map.Entry<String, Path> e : cases.entrySet()) {
      Path raw = tmp.resolve(e.getKey() + ".raw");
      raws.put(e.getKey(), raw);
      command.add(e.getValue().toString());
      command.add(raw.toString());
    }
    ExternalTool.Result result = ExternalTool.run(Duration.ofSeconds(120), command).assertSuccess();
    List<String> lines = result.stdout().lines().toList();
    assertThat(lines).as(result.describe("output")).hasSize(cases.size());
    Map<String, String> outcomes = new LinkedHashMap<>();
    int i = 0;
    for (Map.Entry<String, Path> e : cases.entrySet()) {
      String name = e.getKey();
      JsonNode ref = JSON.readTree(lines.get(i++));
      byte[] file = Files.readAllBytes(e.getValue());
      if (ref.has("error")) {
        assertThatThrownBy(() -> decoder.decode(file, file.length, DecodeLimits.defaults()))
            .as(name + ": nibabel fails (" + ref.get("error").asText() + "), so must the decoder")
            .isInstanceOf(DecodeException.class);
        try {
          decoder.decode(file, file.length, DecodeLimits.defaults());
        } catch (DecodeException ex) {
          outcomes.put(name, ex.getMessage());
        }
        continue;
      }
      DecodedResource decoded;
      try {
        decoded = decoder.decode(file, file.length, DecodeLimits.defaults());
      } catch (DecodeException ex) {
        throw new AssertionError(
            name + ": nibabel decodes it, the decoder fails: " + ex.getMessage(), ex);
      }
      int[] shape = new int[4];
      for (int d = 0; d < 4; d++) {
        shape[d] = ref.get("shape").get(d).asInt();
      }
      assertThat(decoded.pixels().shape()).as(name + ": shape").containsExactly(shape);
      double[] affine = decoded.affine();
      for (int k = 0; k < 16; k++) {
        double expected = ref.get("affine").get(k).asDouble();
        assertThat(affine[k]).as(name + ": affine[" + k + "]").isCloseTo(expected, within(1e-9));
      }
      JsonNode meta = JSON.readTree(decoded.metainfoJson());
      assertThat(meta.get("orientation").get("axcodes").toString())
          .as(name + ": axcodes")
          .isEqualTo(ref.get("axcodes").toString());
      PixelValues.assertSameValues(
          name,
          PixelValues.of(decoded.pixels()),
          PixelValues.float64(Files.readAllBytes(raws.get(name))));
      outcomes.put(name, "ok");
    }
    return outcomes;
  }
}
