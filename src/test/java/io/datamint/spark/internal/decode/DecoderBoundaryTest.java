package io.datamint.spark.internal.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DType;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelArray;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The decoder boundary: what each kind of throwable raised inside a decoder becomes, and the
 * messages, through the registry's guarded decoders (decode and frame streams).
 */
@Tag("spark-independent")
class DecoderBoundaryTest {

  private static final DecodeLimits LIMITS = new DecodeLimits(1 << 20);

  /** A throwable whose stack says it was raised in {@code cls}, called by the connector. */
  private static <T extends Throwable> T raisedIn(T failure, String cls) {
    failure.setStackTrace(
        new StackTraceElement[] {
          new StackTraceElement("java.util.Objects", "checkIndex", null, 1),
          new StackTraceElement(cls, "decode", null, 1),
          new StackTraceElement(
              "io.datamint.spark.internal.decode.raster.RasterDecoder", "decode", null, 1)
        });
    return failure;
  }

  /** The registry's guard around a decoder that throws {@code failure}. */
  private static ResourceDecoder throwing(FileFormat format, Throwable failure) {
    return new Decoders.Guarded(
        format,
        () ->
            new ResourceDecoder() {
              @Override
              public DecodedResource decode(byte[] file, int length, DecodeLimits limits)
                  throws DecodeException {
                limits.checkedByteSize(DType.UINT16, 512, 512); // admitted before it fails
                throw sneaky(failure);
              }
            });
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> RuntimeException sneaky(Throwable failure) throws E {
    throw (E) failure;
  }

  private static DecodeException decodeFailure(FileFormat format, Throwable failure) {
    ResourceDecoder decoder = throwing(format, failure);
    try {
      decoder.decode(new byte[4], 4, LIMITS);
    } catch (DecodeException e) {
      return e;
    }
    throw new AssertionError("no DecodeException for " + failure);
  }

  @Test
  void threadDeathOfTheJpeg2000LibraryIsTheFilesError() {
    DecodeException e =
        decodeFailure(
            FileFormat.DICOM, raisedIn(new ThreadDeath(), "jj2000.j2k.JJ2KExceptionHandler"));
    assertThat(e.getMessage())
        .isEqualTo(
            "this DICOM file cannot be decoded: the JPEG 2000 library (jai-imageio-jpeg2000) gave"
                + " up on its data and stopped its own thread, as it does on a corrupt or"
                + " unsupported stream");
    assertThat(e.getCause()).isInstanceOf(ThreadDeath.class);
  }

  @Test
  void stackOverflowIsTheFilesErrorWhereverRaised() {
    assertThat(
            decodeFailure(
                    FileFormat.RASTER,
                    raisedIn(new StackOverflowError(), "com.twelvemonkeys.imageio.X"))
                .getMessage())
        .isEqualTo(
            "this image cannot be decoded: decoding it in the TwelveMonkeys ImageIO library"
                + " overflowed the thread's stack: its structure nests too deeply or refers to"
                + " itself");
    assertThat(
            decodeFailure(
                    FileFormat.DICOM,
                    raisedIn(
                        new StackOverflowError(),
                        "io.datamint.spark.internal.decode.dicom.DatasetParser"))
                .getMessage())
        .contains("decoding it in the connector's DICOM decoder overflowed the thread's stack");
  }

  @Test
  void outOfMemoryNamesTheAdmittedSizeTheLimitAndTheOptions() {
    DecodeException e =
        decodeFailure(
            FileFormat.NIFTI,
            raisedIn(new OutOfMemoryError("Java heap space"), "java.util.Arrays"));
    assertThat(e.getMessage())
        .startsWith(
            "this NIfTI file cannot be decoded: its decoded data did not fit in the executor's"
                + " heap (an array of 524288 bytes was being decoded, ")
        .contains("MiB maximum heap")
        .contains(
            "Lower max_decoded_bytes, now the limit of 1048576 decoded bytes (option"
                + " max_decoded_bytes), so that such files are refused before they are decoded")
        .contains("spark.executor.memory")
        .contains("spark.executor.cores")
        .endsWith("(the Java runtime said: Java heap space)");
  }

  @Test
  void anOutOfMemoryErrorALibraryWrappedIsContainedAsItself() {
    OutOfMemoryError oom =
        raisedIn(new OutOfMemoryError("Java heap space"), "com.sun.imageio.plugins.png.X");
    DecodeException wrapped =
        new DecodeException(
            "cannot decode the PNG image: Caught exception during read",
            new javax.imageio.IIOException("Caught exception during read: ", oom));
    DecodeException e = decodeFailure(FileFormat.RASTER, wrapped);
    assertThat(e.getMessage())
        .startsWith("this image cannot be decoded: its decoded data did not fit in the executor's")
        .endsWith("(the Java runtime said: Java heap space)");
    assertThat(e.getCause()).isSameAs(wrapped);
  }

  @Test
  void aLibrarysRuntimeExceptionIsTheFilesErrorWithItsTextAsASuffix() {
    assertThat(
            decodeFailure(
                    FileFormat.RASTER,
                    raisedIn(
                        new ArrayIndexOutOfBoundsException("Index 9 out of bounds for length 4"),
                        "com.sun.imageio.plugins.png.PNGImageReader"))
                .getMessage())
        .isEqualTo(
            "this image cannot be decoded: the Java runtime's PNG image reader failed on its"
                + " data, which is corrupt or not supported (the Java runtime's PNG image reader"
                + " said: Index 9 out of bounds for length 4)");
    assertThat(
            decodeFailure(
                    FileFormat.VIDEO,
                    raisedIn(new NegativeArraySizeException("-5"), "org.bytedeco.ffmpeg.X"))
                .getMessage())
        .contains("FFmpeg (through JavaCPP) failed on its data")
        .endsWith("(FFmpeg (through JavaCPP) said: a size in the data is negative: -5)");
  }

  @Test
  void theConnectorsOwnRuntimeExceptionsAndErrorsPassUnchanged() {
    NullPointerException npe =
        raisedIn(new NullPointerException(), "io.datamint.spark.internal.decode.dicom.X");
    assertThatThrownBy(() -> throwing(FileFormat.DICOM, npe).decode(new byte[4], 4, LIMITS))
        .isSameAs(npe);
    AssertionError assertion =
        raisedIn(new AssertionError("bug"), "io.datamint.spark.internal.decode.nifti.X");
    assertThatThrownBy(() -> throwing(FileFormat.NIFTI, assertion).decode(new byte[4], 4, LIMITS))
        .isSameAs(assertion);
  }

  @Test
  void linkageErrorsKeepTheirOptionalLibraryMessage() {
    assertThat(decodeFailure(FileFormat.DICOM, new NoClassDefFoundError("x/Y")).getMessage())
        .contains("decoding this DICOM file")
        .contains("(the Java runtime said: x/Y)");
  }

  @Test
  void decodeExceptionsPassAsThey() {
    DecodeException own = new DecodeException("the file is truncated");
    assertThat(decodeFailure(FileFormat.NIFTI, own)).isSameAs(own);
  }

  @Test
  void frameStreamsAreContainedWhenReadSkippedAndClosed() throws DecodeException {
    FrameStream hostile =
        new FrameStream() {
          @Override
          public int position() {
            return 3;
          }

          @Override
          public PixelArray next() {
            throw raisedIn(new ThreadDeath(), "org.jcodec.codecs.vpx.VPXMacroblock");
          }

          @Override
          public boolean skip() {
            throw raisedIn(new StackOverflowError(), "org.bytedeco.ffmpeg.avcodec");
          }

          @Override
          public void close() {
            throw raisedIn(new IllegalStateException("freed twice"), "org.bytedeco.javacpp.P");
          }
        };
    ResourceDecoder decoder =
        new Decoders.Guarded(
            FileFormat.VIDEO,
            () ->
                new ResourceDecoder() {
                  @Override
                  public DecodedResource decode(byte[] file, int length, DecodeLimits limits) {
                    throw new UnsupportedOperationException();
                  }

                  @Override
                  public FrameStream frames(byte[] file, int length, DecodeLimits limits) {
                    return hostile;
                  }
                });
    FrameStream frames = decoder.frames(new byte[4], 4, LIMITS);
    assertThat(frames.position()).isEqualTo(3);
    assertThatThrownBy(frames::next)
        .isInstanceOf(DecodeException.class)
        .hasMessage(
            "this video cannot be decoded: the jcodec library gave up on its data and stopped its"
                + " own thread, as it does on a corrupt or unsupported stream");
    assertThatThrownBy(frames::skip)
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("decoding it in FFmpeg (through JavaCPP) overflowed the thread's");
    frames.close(); // a library failing to free its stream is logged, not thrown
  }

  @Test
  void librariesAreNamedForTheUser() {
    assertThat(LibraryOrigin.name("com.github.jaiimageio.jpeg2000.impl.J2KImageReader"))
        .isEqualTo("the JPEG 2000 library (jai-imageio-jpeg2000)");
    assertThat(LibraryOrigin.name("org.example.codec.Reader"))
        .isEqualTo("the library org.example.codec");
    assertThat(LibraryOrigin.of(new Throwable())).isNull(); // raised here, in the connector
  }

  @Test
  void theContainedStreamPassesOnEveryMethodOfAFrameStreamDefaultsIncluded() throws Exception {
    // a default method it did not override would silently answer for every decoder (no seek, no
    // affine): each must be declared here
    for (java.lang.reflect.Method method : FrameStream.class.getMethods()) {
      if (method.getDeclaringClass() == Object.class) {
        continue;
      }
      assertThat(
              ContainedFrameStream.class
                  .getDeclaredMethod(method.getName(), method.getParameterTypes())
                  .getDeclaringClass())
          .as(method.getName())
          .isEqualTo(ContainedFrameStream.class);
    }
  }
}
