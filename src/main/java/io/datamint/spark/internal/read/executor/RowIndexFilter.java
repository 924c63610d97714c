package io.datamint.spark.internal.read.executor;

import java.io.Serializable;

/**
 * A pushed predicate on a row's {@code slice_index} / {@code frame_index}, evaluated in the
 * executor before a slice or frame is cut, so that {@code WHERE slice_index BETWEEN a AND b}
 * produces only those slices. SQL's three-valued logic: null (unknown) drops the row, as false
 * does; on rows that are not slices the index is null.
 *
 * <p>Public because the driver builds it: the scan builder translates the pushed SQL predicates
 * into one filter and hands it to {@link DatamintReaderFactory#create}, which ships it to the
 * executors.
 */
@FunctionalInterface
public interface RowIndexFilter extends Serializable {

  /** Keeps everything. */
  RowIndexFilter ALL = (slice, frame) -> true;

  /**
   * The predicate's value for a row with these indexes: {@code TRUE}, {@code FALSE}, or null for
   * unknown.
   *
   * @param sliceIndex the row's {@code slice_index}, null when the row is no slice
   * @param frameIndex the row's {@code frame_index}, null when the row is no frame
   */
  Boolean test(Integer sliceIndex, Integer frameIndex);

  /** True when a row with these indexes is kept. */
  default boolean keeps(Integer sliceIndex, Integer frameIndex) {
    return Boolean.TRUE.equals(test(sliceIndex, frameIndex));
  }

  /**
   * No frame row with a {@code frame_index} above this is kept, so a frame-by-frame read stops
   * decoding after it; {@link Integer#MAX_VALUE} when unbounded.
   */
  default int lastFrame() {
    return Integer.MAX_VALUE;
  }

  /**
   * No frame row with a {@code frame_index} below this is kept, so a frame-by-frame read can start
   * decoding near it (a video seeks to the key frame before it); 0 when unbounded.
   */
  default int firstFrame() {
    return 0;
  }

  /**
   * {@code filter} with a known {@link #lastFrame()}: the caller guarantees that it keeps no frame
   * above {@code lastFrame}.
   */
  static RowIndexFilter withLastFrame(RowIndexFilter filter, int lastFrame) {
    return new Bounded(filter, 0, lastFrame);
  }

  /**
   * {@code filter} with a known {@link #firstFrame()} and {@link #lastFrame()}: the caller
   * guarantees that it keeps no frame outside {@code [firstFrame, lastFrame]}.
   */
  static RowIndexFilter withFrames(RowIndexFilter filter, int firstFrame, int lastFrame) {
    return new Bounded(filter, firstFrame, lastFrame);
  }

  /** A filter and its first and last kept frames. */
  record Bounded(RowIndexFilter filter, int firstFrame, int lastFrame) implements RowIndexFilter {
    @Override
    public Boolean test(Integer sliceIndex, Integer frameIndex) {
      return filter.test(sliceIndex, frameIndex);
    }
  }
}
