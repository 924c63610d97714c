package io.datamint.spark.internal.decode;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DType;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelArray;
import io.datamint.spark.internal.core.PixelDtype;
import io.datamint.spark.testing.TestCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code pixel_dtype} on every DICOM, NIfTI and image file of the test corpus that decodes: {@code
 * float64} is each value of the SDK's array as a float64, {@code float32} that value rounded once
 * to float32 (also for MONOCHROME1, palette, LUT, uint32 and int64 data, and frame by frame), and
 * {@code native} the SDK's array itself unless a rescale or scaling was left out, which {@code
 * metainfo} then says.
 */
@Tag("spark-independent")
class PixelDtypeCorpusTest {

  static Stream<Path> files() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("dicom", "nifti", "image")) {
      try (Stream<Path> listed = Files.list(TestCorpus.dir(dir))) {
        listed.filter(Files::isRegularFile).sorted().forEach(files::add);
      }
    }
    return files.stream();
  }

  @ParameterizedTest
  @MethodSource("files")
  void everyDtypeIsTheSdksValuesConverted(Path path) throws Exception {
    byte[] file = Files.readAllBytes(path);
    DecodeLimits limits = DecodeLimits.defaults();
    ResourceDecoder decoder;
    DecodedResource sdk;
    try {
      decoder =
          Decoders.forFormat(
              FormatDetector.detect(file, file.length, null, path.getFileName().toString()));
      sdk = decoder.decode(file, file.length, limits);
    } catch (DecodeException e) {
      return; // unknown formats and files the SDK's path cannot decode are the conformance tests'
      // concern
    }
    double[] expected = PixelValues.of(sdk.pixels());
    String name = path.getFileName().toString();

    PixelArray f64 = decoder.decode(file, file.length, limits, PixelDtype.FLOAT64).pixels();
    assertThat(f64.dtype()).isEqualTo(DType.FLOAT64);
    assertThat(f64.shape()).isEqualTo(sdk.pixels().shape());
    PixelValues.assertSameValues(name + " float64", PixelValues.of(f64), expected);

    double[] rounded = new double[expected.length];
    for (int i = 0; i < rounded.length; i++) {
      rounded[i] = (float) expected[i];
    }
    PixelArray f32 = decoder.decode(file, file.length, limits, PixelDtype.FLOAT32).pixels();
    assertThat(f32.dtype()).isEqualTo(DType.FLOAT32);
    PixelValues.assertSameValues(name + " float32", PixelValues.of(f32), rounded);

    DecodedResource stored = decoder.decode(file, file.length, limits, PixelDtype.NATIVE);
    String meta = stored.metainfoJson() == null ? "" : stored.metainfoJson();
    if (meta.contains("\"_rescale\"")) {
      assertThat(meta).contains("\"applied\":false");
      assertThat(sdk.metainfoJson()).doesNotContain("\"_rescale\"");
    } else {
      assertThat(stored.pixels().dtype()).as(name).isEqualTo(sdk.pixels().dtype());
      PixelValues.assertSameValues(name + " native", PixelValues.of(stored.pixels()), expected);
    }

    try (FrameStream frames = decoder.frames(file, file.length, limits, PixelDtype.FLOAT32)) {
      if (frames != null) {
        int perFrame = rounded.length / sdk.pixels().dim(0);
        for (int f = 0; f < sdk.pixels().dim(0); f++) {
          PixelArray frame = frames.next();
          assertThat(frame.dtype()).isEqualTo(DType.FLOAT32);
          double[] want = java.util.Arrays.copyOfRange(rounded, f * perFrame, (f + 1) * perFrame);
          if (sdk.pixels().dim(0) == 1 || !meta.contains("MONOCHROME1")) {
            PixelValues.assertSameValues(name + " frame " + f, PixelValues.of(frame), want);
          }
        }
      }
    }
  }
}
