package io.datamint.spark.internal.decode;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelArray;
import java.lang.management.ManagementFactory;
import java.util.function.Supplier;

/**
 * The property every decoder fuzz test checks (docs/fuzzing.md): decoding any bytes through the
 * entry the executors use ({@link Decoders}, behind the {@link DecoderBoundary}) with a small
 * {@link DecodeLimits} budget either returns arrays within the budget or throws the file's {@link
 * DecodeException}. A finding is anything else: another exception or error (the boundary lets the
 * connector's own bugs through), a {@link DecodeException} caused by an {@link OutOfMemoryError}
 * (something was allocated that the budget never admitted), or a decode whose thread allocated far
 * more than the budget allows ({@link #ALLOCATION_ALLOWANCE}), which is how a decompression bomb or
 * a buffer sized from a header shows before the heap runs out. Hangs are the fuzz tests' timeout.
 *
 * <p>The allocation is measured when the inputs are replayed ({@code mvn test}), not while Jazzer
 * fuzzes: its instrumentation allocates on the decoder's thread too (about a hundred times what the
 * decode itself does), so there only the heap's limit ({@code bin/datamint-fuzz} runs with a small
 * {@code -Xmx}) catches an allocation past the budget, as an {@link OutOfMemoryError}.
 */
public final class DecodeFuzzing {

  /** The decode budget of the fuzz tests: 8 MiB per array. */
  public static final long BUDGET = 8L << 20;

  /**
   * What one decode may allocate in all, garbage included: a decode holds its data a few times over
   * (file, samples as ints, the array, a frame copy), and libraries allocate their own buffers.
   */
  static final long ALLOCATION_ALLOWANCE = 24 * BUDGET;

  /** Whether Jazzer is fuzzing (environment variable {@code JAZZER_FUZZ}) rather than replaying. */
  private static final boolean FUZZING = !System.getenv().getOrDefault("JAZZER_FUZZ", "").isEmpty();

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /** A call into a decoder. */
  @FunctionalInterface
  public interface Call<T> {
    T run() throws DecodeException;
  }

  private DecodeFuzzing() {}

  /** The limits of a fuzz decode. */
  public static DecodeLimits limits() {
    return new DecodeLimits(BUDGET, "the fuzz tests' budget");
  }

  /**
   * The registry's decoder of {@code format}, as executors get it (created on first use, behind the
   * boundary).
   */
  public static ResourceDecoder registered(FileFormat format) {
    try {
      return Decoders.forFormat(format);
    } catch (DecodeException e) {
      throw new AssertionError("this build has no " + format + " decoder", e);
    }
  }

  /**
   * {@code factory}'s decoder behind the same boundary as the registry's ({@link
   * Decoders.Guarded}), for a fuzz test that swaps one of a decoder's parts.
   */
  public static ResourceDecoder guarded(FileFormat format, Supplier<ResourceDecoder> factory) {
    return new Decoders.Guarded(format, factory);
  }

  /**
   * Decodes {@code file} whole with {@code decoder}, then frame by frame where the decoder gives
   * frames, and checks the property both times.
   *
   * @throws AssertionError on a finding (and whatever else the decoder threw: also a finding)
   */
  public static void decodeAll(ResourceDecoder decoder, byte[] file) {
    DecodedResource decoded = check(() -> decoder.decode(file, file.length, limits()));
    if (decoded != null) {
      checkWithinBudget(decoded.pixels());
    }
    check(
        () -> {
          try (FrameStream frames = decoder.frames(file, file.length, limits())) {
            if (frames != null) {
              PixelArray frame;
              while ((frame = frames.next()) != null) {
                checkWithinBudget(frame);
              }
            }
          }
          return null;
        });
  }

  /**
   * Runs {@code call}, returning its result or null when it threw a {@link DecodeException}.
   *
   * @throws AssertionError when the exception was caused by running out of memory, or the call
   *     allocated more than {@link #ALLOCATION_ALLOWANCE}; anything other than a {@link
   *     DecodeException} passes through
   */
  public static <T> T check(Call<T> call) {
    long before = THREADS.getCurrentThreadAllocatedBytes();
    T result;
    try {
      result = call.run();
    } catch (DecodeException e) {
      checkAllocation(before);
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof OutOfMemoryError) {
          throw new AssertionError(
              "the decoder ran out of memory: it allocated what the budget of "
                  + BUDGET
                  + " bytes never admitted",
              e);
        }
      }
      if (e.getMessage() == null || e.getMessage().isBlank()) {
        throw new AssertionError("a DecodeException without a message", e);
      }
      return null;
    }
    checkAllocation(before);
    return result;
  }

  private static void checkAllocation(long before) {
    long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
    if (!FUZZING && allocated > ALLOCATION_ALLOWANCE) {
      throw new AssertionError(
          "one decode allocated "
              + allocated
              + " bytes, more than "
              + ALLOCATION_ALLOWANCE
              + " for a budget of "
              + BUDGET
              + " bytes per array");
    }
  }

  private static void checkWithinBudget(PixelArray pixels) {
    long bytes = pixels.elementCount() * pixels.dtype().itemSize();
    if (bytes > BUDGET) {
      throw new AssertionError(
          "a decoded array of " + bytes + " bytes, over the budget of " + BUDGET + " bytes");
    }
  }
}
