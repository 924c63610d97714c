package io.datamint.spark.internal.decode;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DecodeLimits;

/**
 * The one boundary around every decoder call ({@link Decoders} puts it around each decode and
 * around opening, reading and skipping frames): what a decoder throws becomes the file's {@link
 * DecodeException}, in the user's terms (which format, what went wrong, the library's own text at
 * most as a suffix), or is rethrown when it is the connector's own bug.
 *
 * <p>Where the line is:
 *
 * <ul>
 *   <li>Always the file's error, wherever raised in the decoder: {@link ThreadDeath} (the JPEG 2000
 *       library stops its own thread on some corrupt codestreams), {@link StackOverflowError} (data
 *       nesting too deeply), {@link OutOfMemoryError} (data too large for the heap, with the size
 *       when the decoder admitted one and the options to change), another {@link
 *       VirtualMachineError}, and a {@link LinkageError} (a missing {@link OptionalLibrary}). None
 *       of them reaches Spark's task thread, which would end the executor JVM.
 *   <li>A {@link RuntimeException} or other {@link Error} raised by a third-party library ({@link
 *       LibraryOrigin}: the topmost frame outside the Java platform's general API is not the
 *       connector's) is the library failing on bad data: the file's error, naming the library. So
 *       is a checked exception a library throws undeclared.
 *   <li>A {@link RuntimeException} or other {@link Error} raised by the connector's own code (a
 *       {@link NullPointerException} in our parser, an {@link AssertionError}) is rethrown
 *       unchanged: a bug, which the reader's failure rules fail the task with, in every read mode.
 * </ul>
 */
final class DecoderBoundary {

  /** A call into a decoder. */
  @FunctionalInterface
  interface Call<T> {
    T run() throws DecodeException;
  }

  private DecoderBoundary() {}

  /**
   * Runs {@code call}, a decoder's work on a file of {@code format} within {@code limits}.
   *
   * @throws DecodeException what the decoder threw, or the file's error for a failure it contains
   */
  static <T> T call(FileFormat format, DecodeLimits limits, Call<T> call) throws DecodeException {
    try {
      return call.run();
    } catch (Throwable failure) { // contained below; the connector's own failures are rethrown
      throw contain(format, limits, failure);
    }
  }

  /**
   * What {@code failure}, thrown by a decoder of {@code format}, becomes: the file's {@link
   * DecodeException}.
   *
   * @throws RuntimeException the failure itself, unchanged, when it is a bug of the connector
   * @throws Error likewise
   */
  static DecodeException contain(FileFormat format, DecodeLimits limits, Throwable thrown) {
    Throwable severe = severeCause(thrown);
    if (thrown instanceof DecodeException e && severe == null) {
      return e;
    }
    if (thrown instanceof LinkageError e) {
      return OptionalLibrary.linkageFailure(format.fileNoun(), e);
    }
    // an error a library wrapped (ImageIO's "Caught exception during read" around an
    // OutOfMemoryError) is contained as the error itself
    Throwable failure = severe == null ? thrown : severe;
    String library = LibraryOrigin.of(failure);
    String who = library == null ? "the connector's " + formatName(format) + " decoder" : library;
    String noun = format.fileNoun();
    if (failure instanceof ThreadDeath) {
      return new DecodeException(
          cannot(noun)
              + who
              + " gave up on its data and stopped its own thread, as it does on a corrupt or"
              + " unsupported stream"
              + suffix(who, failure),
          thrown);
    }
    if (failure instanceof StackOverflowError) {
      return new DecodeException(
          cannot(noun)
              + "decoding it in "
              + who
              + " overflowed the thread's stack: its structure nests too deeply or refers to"
              + " itself",
          thrown);
    }
    if (failure instanceof OutOfMemoryError) {
      return new DecodeException(outOfMemory(noun, limits, failure), thrown);
    }
    if (failure instanceof VirtualMachineError) {
      return new DecodeException(
          cannot(noun)
              + "the Java runtime failed while "
              + who
              + " decoded it"
              + suffix("the Java runtime", failure),
          thrown);
    }
    if (library == null && failure instanceof RuntimeException e) {
      throw e;
    }
    if (library == null && failure instanceof Error e) {
      throw e;
    }
    return new DecodeException(
        cannot(noun)
            + who
            + " failed on its data, which is corrupt or not supported"
            + LibraryFailure.said(who, failure),
        failure);
  }

  /**
   * The {@link ThreadDeath} or {@link VirtualMachineError} that {@code thrown} is or was caused by,
   * or null.
   */
  private static Throwable severeCause(Throwable thrown) {
    int depth = 0;
    for (Throwable t = thrown; t != null && depth < 16; t = t.getCause(), depth++) {
      if (t instanceof ThreadDeath || t instanceof VirtualMachineError) {
        return t;
      }
    }
    return null;
  }

  /** The message of an {@link OutOfMemoryError} raised while decoding. */
  static String outOfMemory(String noun, DecodeLimits limits, Throwable failure) {
    long admitted = limits == null ? 0 : limits.largestAdmitted();
    return cannot(noun)
        + "its decoded data did not fit in the executor's heap ("
        + (admitted > 0 ? "an array of " + admitted + " bytes was being decoded, " : "")
        + (Runtime.getRuntime().maxMemory() >> 20)
        + " MiB maximum heap, shared with the other tasks of the executor)."
        + " Lower max_decoded_bytes"
        + (limits == null ? "" : ", now " + limits.describe() + ",")
        + " so that such files are refused before they are decoded, or give the executors more"
        + " memory (spark.executor.memory) or fewer concurrent tasks (spark.executor.cores)"
        + suffix("the Java runtime", failure);
  }

  private static String cannot(String noun) {
    return noun + " cannot be decoded: ";
  }

  /** The format's short name, "DICOM" from "this DICOM file". */
  private static String formatName(FileFormat format) {
    String noun = format.fileNoun();
    String name = noun.startsWith("this ") ? noun.substring(5) : noun;
    return name.endsWith(" file") ? name.substring(0, name.length() - 5) : name;
  }

  /**
   * The failure's own text as the message's suffix, {@code " (WHO said: TEXT)"}; nothing when it
   * has none (the message already says what a {@link ThreadDeath} or an overflow means).
   */
  private static String suffix(String who, Throwable failure) {
    String words = LibraryFailure.words(failure.getMessage());
    return words == null ? "" : " (" + who + " said: " + words + ")";
  }
}
