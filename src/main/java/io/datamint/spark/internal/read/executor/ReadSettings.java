package io.datamint.spark.internal.read.executor;

import io.datamint.spark.internal.config.DatamintOptions;
import io.datamint.spark.internal.config.DatasetKind;
import io.datamint.spark.internal.config.ReadMode;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelDtype;
import java.io.Serializable;

/**
 * What executors need of the options: resolved on the driver, small and serializable.
 *
 * @param pixelDtype the element type of the {@code image} column (option {@code pixel_dtype})
 * @param maxDecodedBytes the option {@code max_decoded_bytes}, or null for the budget the executor
 *     derives from its heap ({@link #limits()})
 * @param batchTensorBytes the tensor bytes at which an Arrow batch closes (a soft bound: the row
 *     that reaches it stays in the batch)
 * @param maxColumnBytes the most one tensor column of one batch holds: Arrow's variable-width
 *     vectors have 32-bit offsets, so a batch closes before the next row would take a column past
 *     it, and a row whose tensor alone is larger is that row's error
 */
record ReadSettings(
    ReadMode mode,
    DatasetKind dataset,
    boolean returnMetainfo,
    PixelDtype pixelDtype,
    Long maxDecodedBytes,
    int batchSize,
    long batchTensorBytes,
    long maxColumnBytes)
    implements Serializable {

  /** Bound on the tensor bytes of one Arrow batch; a batch closes early when it is reached. */
  static final long MAX_BATCH_TENSOR_BYTES = 256L << 20;

  /**
   * The data of one Arrow variable-width vector: its offsets are 32-bit and its buffer is rounded
   * up to a multiple of 16, so at most {@code Integer.MAX_VALUE} rounded down to 16.
   */
  static final long ARROW_MAX_COLUMN_BYTES = Integer.MAX_VALUE & ~15L;

  static ReadSettings of(DatamintOptions options) {
    return new ReadSettings(
        options.mode(),
        options.dataset(),
        options.returnMetainfo(),
        options.pixelDtype(),
        options.maxDecodedBytes(),
        options.batchSize(),
        MAX_BATCH_TENSOR_BYTES,
        ARROW_MAX_COLUMN_BYTES);
  }

  /**
   * The decode limits on this executor: the option when given, else the budget derived from this
   * JVM's heap and task slots ({@link DecodeBudget}).
   */
  DecodeLimits limits() {
    return DecodeBudget.limits(maxDecodedBytes);
  }

  /** These settings with other batch bounds (tests: Arrow's limits at a small scale). */
  ReadSettings withBatchBounds(long batchTensorBytes, long maxColumnBytes) {
    return new ReadSettings(
        mode,
        dataset,
        returnMetainfo,
        pixelDtype,
        maxDecodedBytes,
        batchSize,
        batchTensorBytes,
        maxColumnBytes);
  }
}
