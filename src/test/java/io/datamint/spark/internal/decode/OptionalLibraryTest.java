package io.datamint.spark.internal.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.util.BuildInfo;
import java.io.File;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The optional libraries as this (complete) test class path has them, the messages that name them,
 * and the guard that turns a decoder's {@link LinkageError} into the file's {@link
 * DecodeException}. Their absence is tested in child JVMs: {@code MissingLibraryReadTest} and
 * {@code FfmpegRuntimeTest}.
 */
@Tag("spark-independent")
class OptionalLibraryTest {

  private static final List<String> CLASS_PATH =
      Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));

  @Test
  void everyLibraryIsPresentOnTheTestClassPath() {
    assertThat(OptionalLibrary.values())
        .allSatisfy(library -> assertThat(library.isPresent()).as("%s", library).isTrue());
  }

  @Test
  void theCoordinatesAreThoseOfTheJarsOnTheClassPath() {
    for (OptionalLibrary library : OptionalLibrary.values()) {
      for (String artifact : library.artifacts()) {
        String[] gav = artifact.split(":");
        assertThat(gav).as("%s of %s", artifact, library).hasSize(3);
        String jar =
            "/"
                + gav[0].replace('.', '/')
                + "/"
                + gav[1]
                + "/"
                + gav[2]
                + "/"
                + gav[1]
                + "-"
                + gav[2]
                + ".jar";
        assertThat(CLASS_PATH).as("the jar of %s", artifact).anyMatch(entry -> entry.endsWith(jar));
      }
    }
  }

  @Test
  void thePlatformIsJavacppsAndTheNativesOfEveryBundledPlatformAreOnTheClassPath() {
    assertThat(OptionalLibrary.nativePlatform()).isEqualTo(Loader.getPlatform());
    assertThat(OptionalLibrary.bundledNativePlatforms())
        .containsExactly("linux-x86_64", "linux-arm64", "macosx-x86_64", "macosx-arm64")
        .contains(OptionalLibrary.nativePlatform());
    for (String platform : OptionalLibrary.bundledNativePlatforms()) {
      String natives = "ffmpeg-" + BuildInfo.ffmpegArtifactVersion() + "-" + platform + ".jar";
      assertThat(CLASS_PATH)
          .as("the FFmpeg natives of " + platform)
          .anyMatch(entry -> entry.endsWith(natives));
    }
  }

  @Test
  void theMissingMessageNamesTheFileTheLibraryItsCoordinatesAndBothRemedies() {
    String message = OptionalLibrary.TWELVEMONKEYS.missing("this JPEG image");
    assertThat(message)
        .startsWith(
            "decoding this JPEG image needs TwelveMonkeys ImageIO (com.twelvemonkeys.imageio:imageio-jpeg:")
        .contains(" and com.twelvemonkeys.imageio:imageio-tiff:")
        .containsPattern(
            "which is not on the class path: use the self-contained jar datamint-spark_2\\.13-\\d[^ ]*"
                + "-all\\.jar, or add the connector with --packages io\\.datamint:datamint-spark_2\\.13:\\d[^ ,]*, which"
                + " brings its dependencies$")
        .doesNotContain("${", "<version>");
    assertThat(OptionalLibrary.FFMPEG.missing("this video"))
        .contains("needs FFmpeg through JavaCPP (org.bytedeco:ffmpeg:")
        .contains(" and org.bytedeco:javacpp:")
        .contains(
            "each also with the classifier "
                + Loader.getPlatform()
                + " for this machine's natives");
  }

  @Test
  void aMissingClassIsBlamedOnTheLibraryOfItsPackage() {
    NoClassDefFoundError error =
        new NoClassDefFoundError("com/twelvemonkeys/imageio/stream/ByteArrayImageInputStream");
    DecodeException e = OptionalLibrary.linkageFailure("this image", error);
    assertThat(e.getMessage())
        .startsWith("decoding this image needs TwelveMonkeys ImageIO (")
        .contains(
            "which is on the class path but could not be loaded (the Java runtime said: "
                + "com/twelvemonkeys/imageio/stream/ByteArrayImageInputStream)")
        .contains("use the self-contained jar");
    assertThat(e).hasCause(error);
  }

  @Test
  void anInitializerErrorIsBlamedOnTheLibraryItsCauseNames() {
    ExceptionInInitializerError error =
        new ExceptionInInitializerError(
            new ClassNotFoundException("com.github.jaiimageio.jpeg2000.impl.J2KImageReaderSpi"));
    assertThat(OptionalLibrary.linkageFailure("this DICOM file", error).getMessage())
        .startsWith("decoding this DICOM file needs jai-imageio JPEG 2000 (")
        .contains("(com.github.jai-imageio:jai-imageio-jpeg2000:");
  }

  @Test
  void aNativeLinkErrorIsBlamedOnTheLibraryWhoseCodeThrewIt() {
    UnsatisfiedLinkError error = new UnsatisfiedLinkError("no jniavutil in java.library.path");
    error.setStackTrace(
        new StackTraceElement[] {
          new StackTraceElement("org.bytedeco.javacpp.Loader", "loadLibrary", "Loader.java", 1799)
        });
    assertThat(OptionalLibrary.linkageFailure("this video", error).getMessage())
        .startsWith("decoding this video needs FFmpeg through JavaCPP (org.bytedeco:ffmpeg:");
  }

  @Test
  void anErrorNamingNoOptionalLibraryIsReportedAsItIs() {
    NoClassDefFoundError error = new NoClassDefFoundError("org/example/Gone");
    error.setStackTrace(
        new StackTraceElement[] {
          new StackTraceElement(
              "io.datamint.spark.internal.decode.Decoders", "forFormat", "Decoders.java", 1)
        });
    assertThat(OptionalLibrary.linkageFailure("this NIfTI file", error).getMessage())
        .startsWith(
            "decoding this NIfTI file failed: a class the decoder needs could not be loaded "
                + "(the Java runtime said: org/example/Gone); the connector's dependencies may be incomplete: "
                + "use the self-contained jar datamint-spark_2.13-");
  }

  @Test
  void theGuardTurnsLinkageErrorsFromCreatingOrDecodingIntoTheFilesError() {
    ResourceDecoder failsToLoad =
        new Decoders.Guarded(
            FileFormat.RASTER,
            () -> {
              throw new NoClassDefFoundError(
                  "com/twelvemonkeys/imageio/plugins/tiff/TIFFImageReaderSpi");
            });
    assertThatThrownBy(() -> failsToLoad.decode(new byte[1], 1, DecodeLimits.defaults()))
        .isInstanceOf(DecodeException.class)
        .hasMessageStartingWith("decoding this image needs TwelveMonkeys ImageIO (");
    ResourceDecoder failsToDecode =
        new Decoders.Guarded(
            FileFormat.VIDEO,
            () ->
                (file, length, limits) -> {
                  throw new ExceptionInInitializerError(
                      new UnsatisfiedLinkError("org.bytedeco.ffmpeg.global.avutil"));
                });
    assertThatThrownBy(() -> failsToDecode.decode(new byte[1], 1, DecodeLimits.defaults()))
        .isInstanceOf(DecodeException.class)
        .hasMessageStartingWith("decoding this video needs FFmpeg through JavaCPP (");
  }

  @Test
  void theGuardContainsOtherErrorsButNotTheConnectorsBugs() {
    ResourceDecoder outOfMemory =
        new Decoders.Guarded(
            FileFormat.DICOM,
            () ->
                (file, length, limits) -> {
                  throw new OutOfMemoryError("Java heap space");
                });
    assertThatThrownBy(() -> outOfMemory.decode(new byte[1], 1, DecodeLimits.defaults()))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("did not fit in the executor's heap"); // see DecoderBoundaryTest
    ResourceDecoder buggy =
        new Decoders.Guarded(
            FileFormat.DICOM,
            () ->
                (file, length, limits) -> {
                  throw new IllegalStateException("our bug");
                });
    assertThatThrownBy(() -> buggy.decode(new byte[1], 1, DecodeLimits.defaults()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("our bug");
  }
}
