package io.datamint.spark.internal.read.executor;

import io.datamint.spark.internal.config.DatamintOptions;
import io.datamint.spark.internal.config.DatasetKind;
import io.datamint.spark.internal.config.ReadMode;
import io.datamint.spark.internal.core.DecodeLimits;
import java.io.Serializable;

/** What executors need of the options: resolved on the driver, small and serializable. */
record ReadSettings(
    ReadMode mode, DatasetKind dataset, boolean returnMetainfo, DecodeLimits limits, int batchSize)
    implements Serializable {

  /** Bound on the tensor bytes of one Arrow batch; a batch closes early when it is reached. */
  static final long MAX_BATCH_TENSOR_BYTES = 256L << 20;

  static ReadSettings of(DatamintOptions options) {
    return new ReadSettings(
        options.mode(),
        options.dataset(),
        options.returnMetainfo(),
        new DecodeLimits(options.maxDecodedBytes()),
        options.batchSize());
  }
}
