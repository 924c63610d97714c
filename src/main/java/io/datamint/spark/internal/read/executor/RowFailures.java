package io.datamint.spark.internal.read.executor;

import io.datamint.spark.error.DataException;
import io.datamint.spark.error.DecodeException;
import io.datamint.spark.error.SourceException;
import io.datamint.spark.internal.config.ReadMode;
import io.datamint.spark.internal.decode.LibraryFailure;
import io.datamint.spark.internal.decode.OptionalLibrary;
import io.datamint.spark.internal.plan.PlannedResource;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one place that decides what a failure while producing a resource's rows becomes: fetching and
 * decoding its file, computing its targets (masks, labels), planning its slices or frames, and
 * cutting a row out of them.
 *
 * <ul>
 *   <li>Bad data: a {@link DataException} (a file or mask that cannot be decoded, a corrupt
 *       annotation, a missing {@link OptionalLibrary}), a {@link SourceException} or an {@link
 *       IOException} while fetching a file (an unreadable or missing file, the API refusing it), or
 *       a {@link LinkageError} (a class the format needs could not be loaded). The read mode
 *       applies: {@code PERMISSIVE} keeps the row with the reason in {@code _error}, {@code
 *       DROPMALFORMED} drops it, {@code FAILFAST} fails the task naming the resource.
 *   <li>A {@link VirtualMachineError} ({@link OutOfMemoryError}, {@link StackOverflowError}) and
 *       Arrow's out-of-memory exception propagate unchanged.
 *   <li>Anything else ({@link NullPointerException}, {@link IllegalStateException}, {@link
 *       ClassCastException}, an {@link AssertionError}, ...) is a bug in the connector. It is never
 *       turned into data, whatever the mode: the task fails with a message saying so and naming the
 *       resource.
 * </ul>
 *
 * <p>Decoders sit behind one boundary ({@code decode.DecoderBoundary}, around each decode and each
 * frame opened, read or skipped): whatever a decoder throws reaches here as the file's {@link
 * DecodeException} (bad data), except the connector's own bugs. The line is drawn by origin: every
 * {@link ThreadDeath}, {@link StackOverflowError}, {@link OutOfMemoryError} or {@link LinkageError}
 * raised inside a decoder, and every runtime exception or error a third-party library raises there,
 * is the file's error; a runtime exception or error raised by the connector's own code (even inside
 * a decoder) is a bug and comes here unchanged. So the {@link VirtualMachineError}s rethrown here
 * are those raised outside the decoders (targets, masks, Arrow), where no single file is to blame.
 */
final class RowFailures {

  /**
   * Arrow's allocator failure: a memory limit, not a bug; matched by name so as not to tie this
   * class to it.
   */
  private static final String ARROW_OUT_OF_MEMORY = "org.apache.arrow.memory.OutOfMemoryException";

  private final ReadMode mode;

  RowFailures(ReadMode mode) {
    this.mode = mode;
  }

  /**
   * What {@code failure}, met while producing rows of {@code resource}, becomes.
   *
   * @return the reason to put in the row's {@code _error} ({@code PERMISSIVE}), or null when the
   *     row is dropped ({@code DROPMALFORMED})
   * @throws DecodeException naming the resource, for bad data in {@code FAILFAST} mode
   * @throws IllegalStateException saying that the connector has a bug, for any failure that is not
   *     bad data
   * @throws VirtualMachineError and Arrow's out-of-memory exception, rethrown unchanged
   */
  String onFailure(PlannedResource resource, Throwable failure) {
    String reason = badDataReason(resource, failure);
    switch (mode) {
      case FAILFAST:
        throw new DecodeException(
            "resource "
                + resource.resourceId()
                + " ("
                + resource.filename()
                + ") could not be decoded: "
                + reason
                + " (mode FAILFAST; use PERMISSIVE to get the reason in the"
                + " _error column)",
            failure);
      case DROPMALFORMED:
        return null;
      default:
        return reason;
    }
  }

  /**
   * The failure of writing a row of {@code resource} into the Arrow batch. Everything has been
   * decoded and checked by then, so any failure there is a bug (or a memory limit, rethrown
   * unchanged): it is never the row's error.
   */
  RuntimeException onWriteFailure(PlannedResource resource, Throwable failure) {
    rethrowIfFatal(failure);
    return bug(resource, "writing its row into the Arrow batch", failure);
  }

  /** The reason of a bad-data failure; throws for anything else. */
  private static String badDataReason(PlannedResource resource, Throwable failure) {
    rethrowIfFatal(failure);
    if (failure instanceof DataException || failure instanceof SourceException) {
      return failure.getMessage();
    }
    if (failure instanceof IOException || failure instanceof UncheckedIOException) {
      return "cannot read the resource file: " + LibraryFailure.text(failure);
    }
    if (failure instanceof LinkageError linkage) {
      return OptionalLibrary.linkageFailure("this resource", linkage).getMessage();
    }
    throw bug(resource, "producing its rows", failure);
  }

  private static void rethrowIfFatal(Throwable failure) {
    if (failure instanceof VirtualMachineError error) {
      throw error;
    }
    if (failure instanceof RuntimeException e
        && ARROW_OUT_OF_MEMORY.equals(e.getClass().getName())) {
      throw e;
    }
  }

  private static IllegalStateException bug(
      PlannedResource resource, String step, Throwable failure) {
    return new IllegalStateException(
        "bug in the datamint connector while "
            + step
            + " for resource "
            + resource.resourceId()
            + " ("
            + resource.filename()
            + "): "
            + failure
            + ". This is not a problem of the"
            + " resource's data, so it is not turned into an _error in any read mode; please report it with this"
            + " stack trace",
        failure);
  }
}
