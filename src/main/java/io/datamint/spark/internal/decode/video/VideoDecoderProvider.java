package io.datamint.spark.internal.decode.video;

import io.datamint.spark.internal.decode.DecoderProvider;
import io.datamint.spark.internal.decode.FileFormat;
import io.datamint.spark.internal.decode.ResourceDecoder;

/** Registers {@link VideoDecoder} (videos, through FFmpeg) with the decoder registry. */
public final class VideoDecoderProvider implements DecoderProvider {

  @Override
  public FileFormat format() {
    return FileFormat.VIDEO;
  }

  @Override
  public ResourceDecoder create() {
    return new VideoDecoder();
  }
}
